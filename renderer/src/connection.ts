/**
 * Whether the 网点主机 (or the local web server) can be reached, for the banner: set by the retry loop in api.ts,
 * read with useConnection(). The clerk can retry at once or cancel every waiting call.
 */
import { useSyncExternalStore } from 'react';
import type { UnreachableHooks } from './busyRetry';

export interface ConnectionState {
  /** The last 无法连接网点主机 … message, or null while calls go through. */
  message: string | null;
  attempts: number;
}

let state: ConnectionState = { message: null, attempts: 0 };
const listeners = new Set<() => void>();
const waiting = new Set<(v: 'retry' | 'cancel') => void>();

function set(next: ConnectionState): void {
  state = next;
  for (const l of listeners) l();
}

export const connectionHooks: UnreachableHooks = {
  report: (message, attempts) => set({ message, attempts }),
  wait: (ms) =>
    new Promise((resolve) => {
      const done = (v: 'retry' | 'cancel') => {
        clearTimeout(timer);
        waiting.delete(done);
        resolve(v);
      };
      const timer = setTimeout(() => done('retry'), ms);
      waiting.add(done);
    }),
};

export function retryNow(): void {
  for (const w of [...waiting]) w('retry');
}

export function cancelRetries(): void {
  for (const w of [...waiting]) w('cancel');
  set({ message: null, attempts: 0 });
}

export function useConnection(): ConnectionState {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => state,
  );
}
