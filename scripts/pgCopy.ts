/**
 * A bare `COPY … FROM STDIN` with the `pg` client already in node_modules (no pg-copy-streams): a Submittable that
 * sends the COPY statement, answers the server's CopyInResponse with the data in chunks, and resolves at
 * ReadyForQuery. For benchmarks (the baseline of bench:sync); rows are written in COPY's text format.
 */
import type pg from 'pg';

type Connection = { query(text: string): void; sendCopyFromChunk(b: Buffer): void; endCopyFrom(): void; sendCopyFail(msg: string): void };

/** COPY text format: \N for null; backslash, tab, newline and carriage return escaped. */
export function copyField(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  return String(v).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

export function copyText(rows: unknown[][]): string {
  let s = '';
  for (const r of rows) s += `${r.map(copyField).join('\t')}\n`;
  return s;
}

class CopyIn {
  callback?: (err: Error | null) => void;
  private error: Error | null = null;
  constructor(
    private readonly text: string,
    private readonly data: Buffer,
  ) {}
  submit(connection: Connection): void {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: Connection): void {
    const CHUNK = 1 << 20;
    for (let i = 0; i < this.data.length; i += CHUNK) connection.sendCopyFromChunk(this.data.subarray(i, i + CHUNK));
    connection.endCopyFrom();
  }
  handleError(err: Error): void {
    this.error = err;
  }
  handleCommandComplete(): void {}
  handleReadyForQuery(): void {
    this.callback?.(this.error);
  }
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/** `COPY <table> (cols) FROM STDIN` of the rows, on this client (inside whatever transaction it is in). */
export async function copyFrom(client: pg.Client | pg.PoolClient, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const q = new CopyIn(`COPY ${table} (${columns.join(', ')}) FROM STDIN`, Buffer.from(copyText(rows), 'utf8'));
  await new Promise<void>((ok, fail) => {
    q.callback = (err) => (err ? fail(err) : ok());
    (client as unknown as { query(q: unknown): void }).query(q);
  });
}
