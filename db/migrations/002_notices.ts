import type { Migration } from '../migrate';

/** 公告 / 中心动态 posted by an administrator and read by clerks (the mobile app's 资讯 menu). */
export const m002_notices: Migration = {
  id: '002_notices',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE notices (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('公告', '中心动态')),
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        published_at TEXT NOT NULL,
        author_id INTEGER REFERENCES operators(id),
        withdrawn_at TEXT
      );
      CREATE INDEX notices_published ON notices(published_at);
    `);
  },
};
