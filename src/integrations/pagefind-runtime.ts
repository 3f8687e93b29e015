/**
 * Five changes to Pagefind's browser runtime (`pagefind.js`, as Pagefind 1.6 writes it): four take
 * about a fifth off the first search, measured in `npm run bench` (docs/benchmarks.md), and one
 * keeps a dropped request from losing answers:
 *
 * - **Native gunzip.** Pagefind gzips its index files and inflates them in JavaScript (fflate).
 *   On a first search that code is cold and inflates the WebAssembly, the metadata and the index
 *   chunks on the main thread. The browser's own `DecompressionStream` does the same work natively;
 *   fflate stays as the fallback where it is missing or fails.
 * - **fflate on demand.** Its tables are built the first time it is needed, not when the
 *   runtime loads.
 * - **The index files at once.** init() fetches the metadata and the WebAssembly together with
 *   the entry file instead of after it (indexFiles): one round trip less on a phone network.
 * - **One more try.** A file whose request fails (a phone between cells, a server's 5xx) is asked
 *   for once more half a second later. Pagefind itself skips an index chunk it could not load and
 *   answers without the words in it, with no sign to the person searching.
 * - **No 50 ms poll.** Pagefind starts loading its index without returning the promise, and a
 *   search that comes before the index is ready waits for it in steps of 50 ms (`getPtr`), so the
 *   first search lost up to 50 ms doing nothing. The same loop now looks every 4 ms.
 *
 * The patterns are Pagefind's exact source text. When an upgrade changes them, the build stops
 * here and says which one, rather than shipping a runtime that is quietly slower or broken.
 */

interface Patch {
  what: string;
  find: string;
  replace: string;
  /** How many times `find` occurs in the runtime. */
  count: number;
}

const NATIVE_GUNZIP =
  'async function posFaqGunzip(data){if(typeof DecompressionStream==="function"){try{' +
  'return new Uint8Array(await new Response(new Response(data).body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());' +
  '}catch{}}return gz_default(data);}';

const PATCHES: readonly Patch[] = [
  {
    what: 'decompress() inflating with fflate',
    find: 'decompress(data,file="unknown file"){',
    replace: 'async decompress(data,file="unknown file"){',
    count: 1,
  },
  {
    what: 'the call to fflate inside decompress()',
    find: 'data=gz_default(data);',
    replace: 'data=await posFaqGunzip(data);',
    count: 1,
  },
  {
    what: 'the callers of decompress() (metadata, WebAssembly, index chunks, fragments)',
    find: '=this.decompress(new Uint8Array(',
    replace: '=await this.decompress(new Uint8Array(',
    count: 5,
  },
  {
    what: 'the start of init(), before it fetches pagefind-entry.json',
    find: 'async init(language,opts){try{await this.loadEntry();',
    replace: 'async init(language,opts){try{posFaqPrefetch(this,opts);await this.loadEntry();',
    count: 1,
  },
  {
    what: 'the fetch in performFetch()',
    find: 'const response=await fetch(queued.input);',
    replace: 'const response=await posFaqFetch(this,queued.input);',
    count: 1,
  },
  {
    what: 'the 50 ms poll in getPtr()',
    find: 'while(this.raw_ptr===null){if(this.initError){throw this.initError;}await asyncSleep(50);}',
    replace: 'while(this.raw_ptr===null){if(this.initError){throw this.initError;}await asyncSleep(4);}',
    count: 1,
  },
];

const occurrences = (text: string, part: string) => text.split(part).length - 1;

/** Where Pagefind's copy of fflate's gunzip begins and ends in the runtime. */
const FFLATE = { start: 'var u8=Uint8Array;', end: 'var gz_default=gunzipSync;' } as const;

/**
 * fflate builds its decoding tables when the module loads (about 5 ms on a first search) and is
 * now only the fallback: its code, which nothing else in the runtime uses, moves into a function
 * that runs the first time it is needed. The native gunzip follows it.
 */
function lazyFflate(source: string, file: string): string {
  const start = source.indexOf(FFLATE.start);
  const end = source.indexOf(FFLATE.end);
  const once = occurrences(source, FFLATE.start) === 1 && occurrences(source, FFLATE.end) === 1;
  if (!once || start > end) {
    throw new Error(
      `${file}: Pagefind's runtime has changed (its copy of fflate, from "${FFLATE.start}" to "${FFLATE.end}", was not found once). ` +
        'Check the new runtime and update src/integrations/pagefind-runtime.ts, or remove the patch.',
    );
  }
  const fflate = source.slice(start, end);
  return (
    source.slice(0, start) +
    `var posFaqFflate;var gz_default=(data)=>(posFaqFflate??=(()=>{${fflate}return gunzipSync;})())(data);${NATIVE_GUNZIP}` +
    source.slice(end + FFLATE.end.length)
  );
}

// A Response's body rather than a Blob's stream: half the time on a first search's dozen files.

/**
 * The index files a first search needs besides the entry file, named as `init()` fetches them
 * (relative to the bundle): the metadata and, for the main instance, the WebAssembly. Pagefind
 * learns their names from `pagefind-entry.json` and only then fetches them, one round trip after
 * the other; the build knows them already, so the runtime starts all three at once, and a fetch
 * of one of them takes the response already on its way. If the entry names other files (an index
 * newer than a cached runtime), those are fetched as before and the early ones go unused.
 */
export function indexFiles(entry: { languages?: Record<string, { hash: string; wasm: string | null }> }): string[] {
  const languages = Object.values(entry.languages ?? {});
  // With several languages the one `init()` picks depends on the page: nothing is guessed.
  if (languages.length !== 1) return [];
  const { hash, wasm } = languages[0]!;
  return [`pagefind.${hash}.pf_meta`, `wasm.${wasm ?? 'unknown'}.pagefind`];
}

const prefetch = (files: readonly string[]) =>
  `function posFaqPrefetch(pf,opts){pf.posFaqEarly=new Map();for(const file of ${JSON.stringify(files)}){` +
  'if(file.startsWith("wasm.")&&opts.load_wasm!==true)continue;const url=`${pf.basePath}${file}`;' +
  // An early fetch that fails is reported by the fetch that takes it, not as unhandled.
  'const early=fetch(url);early.catch(()=>{});pf.posFaqEarly.set(url,early);}}' +
  'function posFaqFetch(pf,url){const early=pf.posFaqEarly&&pf.posFaqEarly.get(url);' +
  'if(early)pf.posFaqEarly.delete(url);' +
  'return(early||fetch(url)).then((r)=>r.status<500?r:posFaqAgain(url),()=>posFaqAgain(url));}' +
  'function posFaqAgain(url){return new Promise((r)=>setTimeout(r,500)).then(()=>fetch(url));}';

/**
 * Pagefind's runtime with the changes above; throws, naming the change, if one does not apply.
 * `files`: what init() fetches at once (indexFiles), none by default.
 */
export function patchRuntime(source: string, file = 'pagefind.js', files: readonly string[] = []): string {
  let out = lazyFflate(source, file) + prefetch(files);
  for (const patch of PATCHES) {
    const found = occurrences(out, patch.find);
    if (found !== patch.count) {
      throw new Error(
        `${file}: Pagefind's runtime has changed (${patch.what}: expected ${patch.count}, found ${found}). ` +
          'Check the new runtime and update src/integrations/pagefind-runtime.ts, or remove the patch.',
      );
    }
    out = out.split(patch.find).join(patch.replace);
  }
  return out;
}
