import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../testing/harness';

let h: Harness;
beforeEach(() => (h = harness('urumqi')));
afterEach(() => h.close());

describe('公告 / 中心动态', () => {
  it('an administrator posts, clerks read newest first, a withdrawn notice disappears', () => {
    const a = h.call('notices.post', { kind: '公告', title: '关于调整提取与贷款政策的通知', body: '购买异地二手房以过户…', idempotencyKey: h.key() }, 'admin');
    h.at('2026-06-16T02:00:00Z');
    h.call('notices.post', { kind: '中心动态', title: '严把提取三级审批关', body: '……', idempotencyKey: h.key() }, 'admin');
    // The seed's 最新消息 is there from the start (services/notices/seedNotices.ts), posted by the system.
    expect(h.call('notices.list', {}).map((n) => n.title)).toEqual(['严把提取三级审批关', '关于调整提取与贷款政策的通知', '关于调整提取与贷款政策的通知']);
    expect(h.call('notices.list', { kind: '公告' })).toHaveLength(2);
    h.call('notices.withdraw', { noticeId: a.id, idempotencyKey: h.key() }, 'admin');
    expect(h.call('notices.list', { kind: '公告' })).toHaveLength(1);
  });
  it('乌鲁木齐 starts with the seed’s 最新消息 as a 公告 (004), 银川 with none', () => {
    const [n] = h.call('notices.list', { kind: '公告' });
    expect(n).toMatchObject({ title: '关于调整提取与贷款政策的通知', author: '系统', withdrawn: false });
    expect(n!.body).toContain('需重新审批');
    const y = harness('yinchuan');
    expect(y.call('notices.list', {})).toEqual([]);
    y.close();
  });
  it('only an administrator may post', () => {
    expect(h.fail('notices.post', { kind: '公告', title: 't', body: 'b', idempotencyKey: h.key() }, 'clerk').code).toBe('FORBIDDEN');
    expect(h.fail('notices.post', { kind: '通知', title: 't', body: 'b', idempotencyKey: h.key() }, 'admin').message).toContain('请选择类别');
  });
});
