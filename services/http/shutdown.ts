/**
 * Stopping a long-running server process (`npm run web`, `gjj serve`, `gjj center serve`) on SIGINT, SIGTERM or
 * SIGHUP: once, closing what it holds, then exiting; `graceMs` bounds the wait for in-flight work, so keep-alive
 * connections never hold the port.
 */
export function stopOnSignals(close: () => Promise<unknown>, graceMs?: number): () => void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (graceMs !== undefined) setTimeout(() => process.exit(0), graceMs).unref();
    void close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, stop);
  return stop;
}
