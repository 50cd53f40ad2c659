import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import type { Operator, ServiceContext } from '../services/context';
import { acquireDataLock } from '../services/app/lock';
import { dbPath, openContext } from '../services/app/open';
import type { Opts } from './args';

/** Actions run from the command line are audited as `cli:<os user>`. */
export function cliOperator(): Operator {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // some containers have no passwd entry
  }
  return { id: 0, login: `cli:${user}`, name: '命令行', role: 'admin', branchCode: '' };
}

export const readStdin = (): string => readFileSync(0, 'utf8');
export const dataDirOf = (opts: Opts): string => resolve(opts.str('data', '数据目录'));

export function out(opts: Opts, data: unknown, text: () => string): void {
  console.log(opts.json ? JSON.stringify(data, null, 2) : text());
}

/**
 * A write command's context: takes the data folder's writer lock first (refused with BUSY naming the holder when
 * the app or another gjj writer has it; released when the process exits). Read-only commands use openContext.
 */
export function writerContext(dir: string, command: string): ServiceContext {
  if (existsSync(dbPath(dir))) takeWriterLock(dir, command); // else openContext says the folder is not initialised
  return openContext(dir);
}

export function takeWriterLock(dir: string, command: string): void {
  acquireDataLock(dir, `gjj ${command}`);
}
