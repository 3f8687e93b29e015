// A virtual display for WebKitGTK, and child processes that end with this one.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

let display: Promise<string> | undefined;

/**
 * Starts a command that ends with this process, however this process ends: a small shell
 * watches it and stops the command once it is gone (a test worker may be killed without running
 * its exit handlers, which would leave a display or a driver behind).
 */
export function spawnTied(command: string, args: string[], options: Parameters<typeof spawn>[2]): ChildProcess {
  const watch = `"$@" & c=$!; trap 'kill $c 2>/dev/null' EXIT INT TERM; while kill -0 ${process.pid} 2>/dev/null && kill -0 $c 2>/dev/null; do sleep 1; done`;
  const child = spawn('sh', ['-c', watch, 'sh', command, ...args], options);
  process.once('exit', () => child.kill());
  return child;
}

/**
 * A display for WebKitGTK: $DISPLAY if set, else an Xvfb started here (on a display number it
 * picks itself) and stopped when this process ends. `npm test` starts one for all test files
 * (tests/global-setup.ts).
 */
export function ensureDisplay(): Promise<string> {
  if (process.env['DISPLAY']) return Promise.resolve(process.env['DISPLAY']);
  display ??= new Promise((ok, fail) => {
    const xvfb = spawnTied('Xvfb', ['-displayfd', '3', '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let err = '';
    xvfb.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    xvfb.on('error', (e) => fail(new Error(`Cannot start Xvfb (apt-get install xvfb): ${e.message}`)));
    xvfb.on('exit', (code) => fail(new Error(`Xvfb exited with ${code}: ${err.trim()}`)));
    (xvfb.stdio[3] as NodeJS.ReadableStream).once('data', (d: Buffer) => {
      // Running now: it must not keep this process alive (it ends with it).
      xvfb.unref();
      for (const s of xvfb.stdio) (s as { unref?: () => void } | null)?.unref?.();
      ok(`:${d.toString().trim()}`);
    });
  });
  return display;
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}
