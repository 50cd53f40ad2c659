/** 公告 and 中心动态: an administrator posts or withdraws; every operator reads. Both actions are audited. */
import { notFound } from '../../shared/errors';
import type { NoticeDto } from '../../shared/contract/dto';
import { audit } from '../audit/log';
import type { Operator, ServiceContext } from '../context';
import { nowIso } from '../context';

export function postNotice(ctx: ServiceContext, by: Operator, input: { kind: '公告' | '中心动态'; title: string; body: string }): NoticeDto {
  const id = Number(
    ctx.db
      .prepare('INSERT INTO notices (kind, title, body, published_at, author_id) VALUES (?, ?, ?, ?, ?)')
      .run(input.kind, input.title, input.body, nowIso(ctx), by.id || null).lastInsertRowid,
  );
  audit(ctx, { operator: by, action: 'notice.post', recordType: 'notice', recordId: id, detail: { kind: input.kind, title: input.title } });
  return getNotice(ctx, id);
}

export function withdrawNotice(ctx: ServiceContext, by: Operator, id: number): NoticeDto {
  getNotice(ctx, id);
  ctx.db.prepare('UPDATE notices SET withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL').run(nowIso(ctx), id);
  audit(ctx, { operator: by, action: 'notice.withdraw', recordType: 'notice', recordId: id });
  return getNotice(ctx, id);
}

interface Row {
  id: number;
  kind: '公告' | '中心动态';
  title: string;
  body: string;
  published_at: string;
  author: string | null;
  withdrawn_at: string | null;
}

const SELECT = `SELECT n.id, n.kind, n.title, n.body, n.published_at, n.withdrawn_at, o.name AS author
                  FROM notices n LEFT JOIN operators o ON o.id = n.author_id`;

function toDto(r: Row): NoticeDto {
  return { id: r.id, kind: r.kind, title: r.title, body: r.body, publishedAt: r.published_at, author: r.author ?? '系统', withdrawn: r.withdrawn_at !== null };
}

export function getNotice(ctx: ServiceContext, id: number): NoticeDto {
  const r = ctx.db.prepare(`${SELECT} WHERE n.id = ?`).get(id) as Row | undefined;
  if (!r) throw notFound(`公告不存在：${id}`);
  return toDto(r);
}

export function listNotices(ctx: ServiceContext, opts: { kind?: '公告' | '中心动态'; includeWithdrawn?: boolean }): NoticeDto[] {
  const rows = ctx.db
    .prepare(`${SELECT} WHERE (? IS NULL OR n.kind = ?) AND (? = 1 OR n.withdrawn_at IS NULL) ORDER BY n.published_at DESC, n.id DESC LIMIT 200`)
    .all(opts.kind ?? null, opts.kind ?? null, opts.includeWithdrawn ? 1 : 0) as Row[];
  return rows.map(toDto);
}
