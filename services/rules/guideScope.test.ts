import { describe, expect, it } from 'vitest';
import { guides, guideText } from './engine';

const guide = (center: 'yinchuan' | 'urumqi', kind: 'withdrawal' | 'loan', caseId: string) => guides(center, '2025-03-10').find((g) => g.kind === kind && g.caseId === caseId)!;

describe('办事指南 print only the procedures that apply (004 三、贷款流程)', () => {
  it('no 住房公积金联保 procedure on a 二手房 guide (该担保方式可用于除二手房以外所有类型贷款)', () => {
    const titles = guide('urumqi', 'loan', 'secondHand').procedures.map((p) => p.title);
    expect(titles).not.toContain('住房公积金联保贷款');
    expect(titles).toContain('二手房或房产抵押申请公积金贷款');
  });
  it('keeps it on a 商品房 guide', () => {
    expect(guide('urumqi', 'loan', 'commodity').procedures.map((p) => p.title)).toContain('住房公积金联保贷款');
  });
});

describe('乌鲁木齐 guides name the online query address and the 12329 line (004 网上查询 / 查询电话)', () => {
  it('prints the query system address, its scope and the hotline hours and items', () => {
    const text = guideText(guide('urumqi', 'withdrawal', 'rent'));
    expect(text).toContain('https://www.xinjianggjj.com/wlmqgjj/');
    expect(text).toContain('可以查询个人公积金贷款情况及个人账户余额，缴纳明细');
    expect(text).toContain('服务时间：全天（除人工咨询服务）');
    expect(text).toContain('人工咨询：公积金业务咨询、投诉建议、公积金业务指南、办理网点查询');
  });
  it('银川, whose seed gives no such list, prints none', () => {
    expect(guideText(guide('yinchuan', 'withdrawal', 'rent'))).not.toContain('网上查询');
  });
});
