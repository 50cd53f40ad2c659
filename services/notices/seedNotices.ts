/**
 * 公告 a fresh data folder starts with: the seed's own 最新消息, so a clerk reads it on the first day.
 * 乌鲁木齐 (004 最新消息:关于调整提取与贷款政策的通知), quoted word for word.
 */
import type { CenterId } from '../../shared/centers/types';
import type { ServiceContext } from '../context';
import { nowIso } from '../context';

export const SEED_NOTICES: Record<CenterId, { kind: '公告'; title: string; body: string; source: { file: string; clause: string } }[]> = {
  yinchuan: [],
  urumqi: [
    {
      kind: '公告',
      title: '关于调整提取与贷款政策的通知',
      body:
        '一、购买异地二手房以过户到买受人名下的《不动产权证》发证日期满半年(180天)起至2年内为办理住房公积金提取业务有效时限,逾期不再追溯办理,所购住房可提取一次住房公积金支付房款。\n' +
        '二、借款人自贷款审批通过之日起超过1年期限仍未办理放款手续的,办理贷款发放时,需重新审批。除购房日期不限定条件,借款人须按现行政策重新提供贷款申请资料。',
      source: { file: '004_5b427291c04fb79d.txt', clause: '最新消息:关于调整提取与贷款政策的通知' },
    },
  ],
};

/** Posts the center's seed notices as the system (no author); run once, when the data folder is initialised. */
export function seedNotices(ctx: ServiceContext): void {
  const insert = ctx.db.prepare('INSERT INTO notices (kind, title, body, published_at, author_id) VALUES (?, ?, ?, ?, NULL)');
  for (const n of SEED_NOTICES[ctx.center.id]) insert.run(n.kind, n.title, n.body, nowIso(ctx));
}
