import { describe, expect, it } from 'vitest';
import { actionLabel, detailText, recordLabel } from './labels';

describe('the audit log in Chinese', () => {
  it('names actions, including the per-application steps and member events', () => {
    expect(actionLabel('member.open')).toBe('职工开户');
    expect(actionLabel('withdrawal.review')).toBe('提取复核通过');
    expect(actionLabel('loan.approve_return')).toBe('贷款审批退回');
    expect(actionLabel('member.封存')).toBe('封存');
    expect(actionLabel('integrity.accept')).toBe('记录完整性异常的处理意见');
    // An unknown code is shown as it is, never hidden.
    expect(actionLabel('something.new')).toBe('something.new');
    expect(recordLabel('application', 'TQ2026000001')).toBe('申请 TQ2026000001');
  });

  it('turns the stored JSON into 字段：值 pairs', () => {
    expect(detailText('{"from":"待复核","to":"待审批","note":"复核通过"}')).toBe('原状态：待复核；新状态：待审批；意见：复核通过');
    expect(detailText('{"restored":["a_no_update","b_no_delete"]}')).toBe('已恢复：a_no_update、b_no_delete');
    expect(detailText('{"kind":"add","operatorId":4,"login":"newbie","role":"reviewer","staffNo":"GH0009"}')).toBe('类别：新增；操作员编号：4；登录名：newbie；岗位：复核；工号：GH0009');
    expect(recordLabel('operator_change_request', '1')).toBe('操作员变更申请 1');
    expect(detailText('{}')).toBe('—');
    expect(detailText('not json')).toBe('not json');
  });
});
