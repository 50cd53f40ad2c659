/**
 * One writer process per data folder. Every process that writes (the web host, Electron's backend, a `gjj` write
 * command) holds `gjj.lock` in the folder: JSON naming its pid, host, program and start time. A second writer is
 * refused with a Chinese message naming the holder. A lock left by a process that is gone (kill -9, power cut)
 * on this host is taken over; one held on another host (a shared folder) is never broken automatically.
 * The file is created complete and atomically (written under a private name, then hard-linked into place), so a
 * writer killed half-way never leaves a half-written lock. Within one process the lock is re-entrant.
 */
import { existsSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { AppError } from '../../shared/errors';

export const LOCK_FILE = 'gjj.lock';

export interface LockInfo {
  pid: number;
  host: string;
  program: string;
  startedAt: string;
}

export interface DataLock {
  info: LockInfo;
  release(): void;
}

const held = new Map<string, { info: LockInfo; count: number }>();
let exitHook = false;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

export function readLock(dataDir: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as LockInfo;
    return typeof info.pid === 'number' ? info : null;
  } catch {
    return null;
  }
}

function heldBy(info: LockInfo): string {
  return `${info.program}（进程 ${info.pid}，主机 ${info.host}，自 ${info.startedAt} 起）`;
}

/** Takes the data folder's writer lock for this process, or throws BUSY naming the process that holds it. */
export function acquireDataLock(dataDir: string, program: string): DataLock {
  const dir = resolve(dataDir);
  const mine = held.get(dir);
  if (mine) {
    mine.count++;
    return { info: mine.info, release: () => release(dir) };
  }
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, host: hostname(), program, startedAt: new Date().toISOString() };
  const tmp = join(dir, `${LOCK_FILE}.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(info), { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(tmp, file);
        held.set(dir, { info, count: 1 });
        if (!exitHook) {
          exitHook = true;
          process.on('exit', releaseAll);
        }
        return { info, release: () => release(dir) };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const other = readLock(dir);
      const stale = other
        ? other.host === info.host && other.pid !== process.pid && !isAlive(other.pid)
        : Date.now() - statMs(file) > 2000; // unreadable and not fresh: left by a crash
      if (!stale) {
        throw new AppError(
          'BUSY',
          other
            ? `数据目录正由另一个程序使用：${heldBy(other)}。同一数据目录只能由一个程序写入，请先关闭它或稍后重试`
            : '数据目录正由另一个程序使用，请稍后重试',
        );
      }
      // Take over only the stale lock we looked at: if someone replaced it meanwhile, the next link sees theirs.
      if (JSON.stringify(readLock(dir)) === JSON.stringify(other)) {
        try {
          unlinkSync(file);
        } catch {
          // another process took it over first
        }
      }
    }
    throw new AppError('BUSY', '数据目录正由另一个程序使用，请稍后重试');
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
}

function statMs(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function release(dir: string): void {
  const mine = held.get(dir);
  if (!mine || --mine.count > 0) return;
  held.delete(dir);
  const other = readLock(dir);
  if (other && other.pid === process.pid && other.startedAt === mine.info.startedAt) {
    try {
      unlinkSync(join(dir, LOCK_FILE));
    } catch {
      // already gone
    }
  }
}

function releaseAll(): void {
  for (const dir of [...held.keys()]) {
    const h = held.get(dir)!;
    h.count = 1;
    release(dir);
  }
}
