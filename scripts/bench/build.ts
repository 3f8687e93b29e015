// Builds for the benchmark, timed and with their peak memory, and the sizes of what they wrote.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface Run {
  seconds: number;
  /** Peak resident memory of the whole process tree (Astro's Node and Pagefind's binary), sampled. */
  peakMiB: number | null;
  /**
   * CPU time, user + system, of the command and every process it waited for (Pagefind's binary,
   * esbuild), from /usr/bin/time; null where there is none. On a shared machine the wall time
   * says how busy the others were; the CPU time says what the build cost.
   */
  cpuSeconds?: number | null;
  /** The one-minute load average when the command started. */
  load?: number;
}

/** GNU time's output line, told apart from the command's own stderr by its tag. */
const TIME = '/usr/bin/time';
const CPU_LINE = /^pos-faq-cpu ([\d.]+) ([\d.]+)$/m;

/** Runs a command, timing it and sampling the memory of its process tree every 100 ms (Linux). */
export function timed(command: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const load = loadavg()[0]!;
    const timeIt = existsSync(TIME);
    const [file, argv] = timeIt ? [TIME, ['-f', 'pos-faq-cpu %U %S', command, ...args]] : [command, args];
    const child = spawn(file, argv, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let peak: number | null = existsSync('/proc/self/status') ? 0 : null;
    const sample = setInterval(() => {
      if (peak !== null && child.pid) peak = Math.max(peak, treeRssKiB(child.pid));
    }, 100);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(sample);
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${stderr}`));
      else {
        const cpu = CPU_LINE.exec(stderr);
        resolvePromise({
          seconds: (performance.now() - started) / 1000,
          peakMiB: peak === null ? null : peak / 1024,
          cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : null,
          load,
        });
      }
    });
  });
}

/** The resident memory of a process and all its descendants, in KiB, from /proc. */
function treeRssKiB(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // Gone already.
    }
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/** `astro build` of the catalogue in `content` into `out` (emptied first). */
export function astroBuild(content: string, out: string): Promise<Run> {
  rmSync(out, { recursive: true, force: true });
  return timed(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
    POS_FAQ_CONTENT: content,
    POS_FAQ_OUT: out,
  });
}

/** Every file under `dir`, at any depth. */
export function filesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}
/** The total size of the files under `dir` that pass `test`. */
export const bytesIn = (dir: string, test: (f: string) => boolean = () => true) =>
  filesIn(dir)
    .filter(test)
    .reduce((sum, f) => sum + statSync(f).size, 0);
/** The index proper: what Pagefind writes minus its own UI bundles, which the lookup never loads. */
export const isIndexFile = (f: string) => !/pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/.test(f);
