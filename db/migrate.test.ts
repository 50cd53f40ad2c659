import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkOrder, migrate, MIGRATIONS, type Migration } from './migrate';

describe('migrations', () => {
  it('applies every migration once, in order', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.id));
    expect(migrate(db)).toEqual([]);
  });
  it('refuses a database whose applied list does not match the program', () => {
    const db = new Database(':memory:');
    migrate(db);
    const other: Migration[] = [{ id: '001_other', up() {} }];
    expect(() => migrate(db, other)).toThrow('迁移记录与程序不一致');
  });
  it('refuses gaps in numbering', () => {
    expect(() => checkOrder([{ id: '002_x', up() {} }])).toThrow('迁移编号不连续');
  });
  it('makes postings append-only in the database itself', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.exec(`INSERT INTO audit_log (at, operator_login, action, record_type, record_id, detail, prev_hash, hash)
             VALUES ('2026-01-01', 'a', 'x', 'y', '1', '{}', '', 'h')`);
    expect(() => db.exec('DELETE FROM audit_log')).toThrow('只允许追加');
    expect(() => db.exec("UPDATE audit_log SET detail = 'x'")).toThrow('只允许追加');
  });
});
