import { afterAll, beforeAll } from 'vitest';
import { recordTime } from './engine-times.ts';
import { launchEngine, type Engine, type EngineName, type LaunchOptions } from './engines.ts';

/**
 * Starts `name` for the enclosing describe block and closes it after; with a `part`, records how
 * long the block took for the per-engine times `npm test` prints (engine-times.ts). Returns the
 * engine, which exists once the block's tests run.
 */
export function engineForSuite(name: EngineName, part: string | null, options: LaunchOptions = {}): () => Engine {
  let engine: Engine | undefined;
  let started = 0;
  beforeAll(async () => {
    started = Date.now();
    engine = await launchEngine(name, options);
  });
  afterAll(async () => {
    await engine?.close();
    if (part) recordTime({ engine: name, part, ms: Date.now() - started, ...(engine && { version: engine.version }) });
  });
  return () => engine!;
}
