/**
 * The block digest (SQLite renders the lines) must give the very bytes of the row-by-row digest every existing
 * seal was computed over: every BMP code unit (controls, quotes, backslash, U+2028, U+FFFF), astral characters,
 * NULL images, ranges with gaps and block boundaries, and a BLOB slipped into the log (row-by-row fallback).
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DIGEST_BLOCK, digestLogRange, digestRangeRows } from './digest';

const dbs: Database.Database[] = [];
afterEach(() => {
  for (const d of dbs.splice(0)) d.close();
});

function logDb(): Database.Database {
  const db = new Database(':memory:');
  dbs.push(db);
  db.exec(`CREATE TABLE integrity_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, tbl TEXT NOT NULL, row_key TEXT NOT NULL,
             op TEXT NOT NULL CHECK (op IN ('I', 'U', 'D', 'B', 'S')), image TEXT)`);
  return db;
}

const rowByRow = (db: Database.Database, from: number, to: number) => {
  const { h, rows } = digestRangeRows(db, from, to);
  return { digest: h.digest('hex'), rows };
};

describe('digestLogRange', () => {
  it('equals the row-by-row digest for every BMP code unit, astral characters and NULL images', () => {
    const db = logDb();
    const ins = db.prepare(`INSERT INTO integrity_log (tbl, row_key, op, image) VALUES (?, ?, ?, ?)`);
    // Lone surrogates (D800–DFFF) cannot reach SQLite as text: better-sqlite3 writes them as U+FFFD either way.
    const units: string[] = [];
    for (let c = 0; c <= 0xffff; c++) if (c < 0xd800 || c > 0xdfff) units.push(String.fromCharCode(c));
    db.transaction(() => {
      for (let i = 0; i < units.length; i += 16) {
        const text = units.slice(i, i + 16).join('');
        ins.run('members', JSON.stringify([i]), 'U', JSON.stringify([i, text, '王"\\/\u2028', null, 1.5]));
        ins.run(`t${text.slice(0, 3)}`, JSON.stringify([text.slice(0, 5), i]), 'I', text);
      }
      ins.run('postings', '[1]', 'D', null);
      ins.run('members', '["𠮷堃喆燊😀"]', 'B', '["𠮷","\u0000\u001f\u007f\t\n\r\b\f"]');
    })();
    const max = (db.prepare('SELECT MAX(seq) AS n FROM integrity_log').get() as { n: number }).n;
    expect(max).toBeGreaterThan(DIGEST_BLOCK);
    const whole = digestLogRange(db, 1, max);
    expect(whole).toEqual(rowByRow(db, 1, max));
    expect(whole.rows).toBe(max);
    for (const [a, b] of [[1, 1], [5, DIGEST_BLOCK + 7], [max - 3, max], [max, max + 50]] as const) {
      expect(digestLogRange(db, a, b)).toEqual(rowByRow(db, a, b));
    }
  });

  it('counts and digests ranges with gaps across block boundaries', () => {
    const db = logDb();
    const ins = db.prepare(`INSERT INTO integrity_log (seq, tbl, row_key, op, image) VALUES (?, 'postings', ?, 'I', ?)`);
    db.transaction(() => {
      for (let seq = 1; seq <= 3 * DIGEST_BLOCK; seq += 3) ins.run(seq, `[${seq}]`, `[${seq},1,"D",100]`);
    })();
    const r = digestLogRange(db, 2, 3 * DIGEST_BLOCK);
    expect(r).toEqual(rowByRow(db, 2, 3 * DIGEST_BLOCK));
    expect(r.rows).toBe(DIGEST_BLOCK - 1);
    expect(digestLogRange(db, 2, 3)).toEqual({ digest: rowByRow(db, 2, 3).digest, rows: 0 });
  });

  it('a BLOB slipped into the log: that block falls back to row by row, the digest is the old one', () => {
    const db = logDb();
    const ins = db.prepare(`INSERT INTO integrity_log (tbl, row_key, op, image) VALUES ('notices', ?, 'I', ?)`);
    db.transaction(() => {
      for (let i = 1; i <= DIGEST_BLOCK + 10; i++) ins.run(`[${i}]`, i === 20 ? Buffer.from('编辑') : `["t${i}"]`);
    })();
    expect(() => db.prepare(`SELECT json_array(image) FROM integrity_log WHERE seq = 20`).get()).toThrow();
    const max = DIGEST_BLOCK + 10;
    expect(digestLogRange(db, 1, max)).toEqual(rowByRow(db, 1, max));
  });
});
