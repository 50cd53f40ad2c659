/** A tiny hash router: routes are `#/path?query`; enough for a counter app and safe under app:// and http. */
import { useEffect, useState } from 'react';

export interface Route {
  path: string;
  params: URLSearchParams;
}

function read(): Route {
  const raw = window.location.hash.replace(/^#/, '') || '/';
  const [path, query] = raw.split('?');
  return { path: path || '/', params: new URLSearchParams(query ?? '') };
}

export function navigate(to: string): void {
  window.location.hash = to;
}

/**
 * Leaving a page with typed, unsubmitted data (issue 12): the page sets a guard; every change of address — the
 * menu, a link, Back — asks it first. While it asks, the old address is put back (replaceState fires no
 * hashchange), so the page stays; a yes moves on to where the clerk was going.
 */
export type LeaveGuard = () => Promise<boolean>;
let guard: LeaveGuard | null = null;
let asking = false;
const listeners = new Set<() => void>();

export function setLeaveGuard(g: LeaveGuard): () => void {
  guard = g;
  return () => {
    if (guard === g) guard = null;
  };
}

window.addEventListener('hashchange', (e) => {
  if (guard) {
    const target = window.location.hash;
    const back = new URL(e.oldURL).hash;
    window.history.replaceState(null, '', back || '#/');
    if (asking) return;
    asking = true;
    const ask = guard;
    void ask().then((leave) => {
      asking = false;
      if (!leave) return;
      if (guard === ask) guard = null;
      window.location.hash = target;
    });
    return;
  }
  for (const l of listeners) l();
});

export function useRoute(): Route {
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const on = () => setRoute(read());
    listeners.add(on);
    return () => {
      listeners.delete(on);
    };
  }, []);
  return route;
}
