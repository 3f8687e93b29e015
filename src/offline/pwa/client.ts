/**
 * The pages' side of the installable app, one small module script on every page (it never
 * blocks rendering). It does nothing on file:// (the offline zip) or without service workers.
 *
 * - Nothing while the page loads. A first visit registers sw.js once the page is idle after its
 *   load (requestIdleCallback), or when its lookup has answered a search, whichever comes first,
 *   and then asks the worker to precache this page's language, and only it. When the browser
 *   asks to save data (`navigator.connection.saveData`, the Save-Data setting), nothing at all
 *   until the user searches or presses "Save for offline use". A page the worker already
 *   controls registers at once (the update check) and asks for its language when idle.
 * - When a newer version has been installed, shows the update notice (UpdateNotice.astro); a
 *   page still open when a newer worker takes over reloads.
 * - Drives "Save for offline use" on the home pages (SaveOffline.astro): asks the worker how
 *   large, stores with progress, removes; reports storage refused (quota, QuotaExceededError),
 *   not made persistent, or evicted since it was saved.
 */
const sw = navigator.serviceWorker;
const lang = document.documentElement.lang.slice(0, 2);
/** Sends the active worker a message about this language and resolves with its answers. */
const ask = async (type: string, onReply: (r: any) => void = () => {}) => {
  const { active } = await sw.ready;
  const channel = new MessageChannel();
  channel.port1.onmessage = (e) => onReply(e.data);
  active!.postMessage({ type, lang }, [channel.port2]);
};
let registered: Promise<unknown> | undefined;
let precaching: Promise<unknown> | undefined;
/** Registers the worker (once), then has it precache this language (once). */
const start = (precache = true) => {
  registered ??= sw.register('/sw.js').then(watch, () => {});
  if (precache) precaching ??= registered.then(() => new Promise((r) => ask('precache', r)));
  return registered;
};

if (sw && location.protocol != 'file:') {
  const saveData = Boolean((navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData);
  let controlled = !!sw.controller;
  let leaving = false;
  addEventListener('beforeunload', () => (leaving = true));
  // Never run the old page with the new build's files; not on the first install.
  sw.addEventListener('controllerchange', () => {
    if (controlled && !leaving) location.reload();
    controlled = true;
  });
  if (controlled) void start(false);
  // The lookup's first answer (the widget's composed event): the index it used is worth keeping.
  document.addEventListener('pos-faq-search', () => void start(), { once: true });
  if (!saveData || controlled) {
    // Safari has no requestIdleCallback: a second after the load stands in for it there.
    const later = (f: () => void) => ('requestIdleCallback' in self ? requestIdleCallback(f, { timeout: 10_000 }) : setTimeout(f, 1000));
    const idle = () => later(() => void start(!saveData));
    if (document.readyState == 'complete') idle();
    else addEventListener('load', idle, { once: true });
  }
  const section = document.querySelector<HTMLElement>('[data-save-section]');
  if (section) void save(section, saveData && !controlled);
}

/** Shows the update notice when a newer build is installed and waiting. */
function watch(reg: ServiceWorkerRegistration) {
  const notice = document.querySelector<HTMLElement>('[data-sw-update]');
  const show = () => notice && sw.controller && (notice.hidden = false);
  if (reg.waiting) show();
  reg.addEventListener('updatefound', () => {
    const w = reg.installing;
    w?.addEventListener('statechange', () => w.state == 'installed' && show());
  });
  notice?.querySelector('button')?.addEventListener('click', () => reg.waiting?.postMessage({ type: 'skip-waiting' }));
}

interface Status {
  build: string;
  total: number;
  saved: number;
  bytes: number;
}

async function save(section: HTMLElement, waitForUser: boolean) {
  const $ = <T extends Element = HTMLElement>(s: string) => section.querySelector<T>(s)!;
  const button = $<HTMLButtonElement>('[data-save-offline]');
  const remove = $<HTMLButtonElement>('[data-save-remove]');
  const bar = $<HTMLProgressElement>('progress');
  const note = $('[data-save-note]');
  const key = 'pos-faq-saved-' + lang;
  if (waitForUser) {
    // Save-Data and no worker yet: the size is the worker's to say, so the button says only what
    // it does (its label without "(about {size})"), and the worker comes when it is pressed.
    section.hidden = false;
    button.disabled = false;
    button.textContent = (button.dataset['label'] ?? '').replace(/\s*[(（][^()（）]*\{size\}[^()（）]*[)）]/, '');
    await new Promise((r) => button.addEventListener('click', r, { once: true }));
    button.disabled = true;
    // The save itself precaches the language's shell first (sw.ts).
    await start(false);
  }
  const status = () => new Promise<Status>((r) => ask('status', r));
  const mb = (bytes: number) => Math.max(0.1, bytes / 1048576).toFixed(1) + ' MB';
  let s = await status();
  const size = mb(s.bytes);
  const say = (name: string, vars: Record<string, string | number> = {}) =>
    ($('[data-save-status]').textContent = (button.dataset[name] ?? '').replace(/\{(\w+)\}/g, (_, v: string) => String(vars[v] ?? size)));
  const state = (value: string) => {
    button.dataset['saveOffline'] = value;
    button.disabled = value == 'saving' || value == 'done';
    remove.hidden = value != 'done';
    button.textContent = (button.dataset[value == 'done' ? 'saved' : 'label'] ?? '').replace('{size}', size);
    bar.hidden = value != 'saving';
  };
  section.hidden = false;
  if (s.saved == s.total) {
    state('done');
    say('done', { total: s.total });
  } else {
    state('ready');
    // Saved once and now incomplete: the browser evicted it.
    if (localStorage.getItem(key)) say('evicted');
    localStorage.removeItem(key);
  }

  button.onclick = async () => {
    note.hidden = true;
    const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
    const free = estimate?.quota! - (estimate?.usage ?? 0);
    if (free < s.bytes) {
      state('error');
      say('quota', { free: mb(free) });
      return;
    }
    // Persistent storage keeps the browser from evicting the pages when space runs low.
    if (!(await navigator.storage?.persist?.().catch(() => false))) {
      note.textContent = button.dataset['notPersisted']!;
      note.hidden = false;
    }
    state('saving');
    say('progress', { done: 0, total: s.total });
    ask('save', (r) => {
      if (r.total) {
        bar.value = r.done / r.total;
        say('progress', r);
      } else if (r.saved) {
        localStorage.setItem(key, s.build);
        state('done');
        say('done', { total: s.total });
      } else {
        state('error');
        say(r.error == 'quota' ? 'refused' : 'failed');
      }
    });
  };
  remove.onclick = () =>
    ask('remove', async () => {
      localStorage.removeItem(key);
      s = await status();
      note.hidden = true;
      state('ready');
      say('removed');
    });
  // Pressed before the worker was there (Save-Data): go on with what the user asked for.
  if (waitForUser && s.saved != s.total) button.click();
}
