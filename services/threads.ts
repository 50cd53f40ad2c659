/**
 * Worker threads of the services (the batch runner, `gjj check`'s second thread): where a worker's code is, and
 * how to start it. From source (tests, a command line through tsx) the .ts beside the calling module, loaded
 * through tsx; from a build (out/main and its chunks) the bundled .js.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type Transferable } from 'node:worker_threads';

/** `source` beside the module at `moduleUrl`, else the built `built` beside it or one level up; null if neither. */
export function findWorker(moduleUrl: string, source: string, built: string): string | null {
  const here = dirname(fileURLToPath(moduleUrl));
  return [join(here, source), join(here, built), join(here, '..', built)].find((f) => existsSync(f)) ?? null;
}

export function startWorker(file: string, workerData: unknown, transferList: Transferable[] = []): Worker {
  return new Worker(file, { workerData, transferList, execArgv: file.endsWith('.ts') ? ['--import', 'tsx'] : [] });
}
