import { describe, expect, it } from 'vitest';
import { labelForPath, safeParseApplication } from './issues';
import { LoanApplicationSchema } from './loanSchema';
import { WithdrawalApplicationSchema } from './withdrawalSchema';

describe('Chinese field labels', () => {
  it('prefix person fields with whose they are', () => {
    expect(labelForPath(WithdrawalApplicationSchema, ['member', 'name'])).toBe('职工姓名');
    expect(labelForPath(WithdrawalApplicationSchema, ['spouse', 'balanceFen'])).toBe('配偶账户余额（分）');
    expect(labelForPath(LoanApplicationSchema, ['borrower', 'credit', 'totalOverdue5y'])).toBe('借款人个人信用报告五年内累计逾期期数');
  });
  it('use the field’s own label elsewhere', () => {
    expect(labelForPath(WithdrawalApplicationSchema, ['caseId'])).toBe('提取原因');
    expect(labelForPath(WithdrawalApplicationSchema, ['house', 'contractDate'])).toBe('购房合同签订日期');
    expect(labelForPath(LoanApplicationSchema, ['conversion', 'commercialSettledDate'])).toBe('商转公原商业贷款结清日期');
  });
  it('number list items', () => {
    expect(labelForPath(WithdrawalApplicationSchema, ['member', 'loans', 0, 'settledDate'])).toBe('职工住房公积金贷款记录第1项结清日期');
  });
});

describe('safeParseApplication', () => {
  it('reports every problem with its label and a Chinese reason', () => {
    const r = safeParseApplication(WithdrawalApplicationSchema, {
      center: 'beijing',
      caseId: 'rent',
      member: { name: '张三', accountStatus: '冻结', balanceFen: -1 },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const messages = r.issues.map((i) => i.message);
    expect(messages).toContain('申请日期：必须填写');
    expect(messages.some((m) => m.startsWith('公积金中心：'))).toBe(true);
    expect(messages.some((m) => m.startsWith('职工账户状态：应为 正常、封存 或 销户'))).toBe(true);
    expect(messages).toContain('职工账户余额（分）：不得为负数');
  });
  it('checks the ID number', () => {
    const r = safeParseApplication(WithdrawalApplicationSchema, {
      center: 'urumqi',
      caseId: 'retirement',
      applicationDate: '2025-03-10',
      member: { name: '张三', idNumber: '110105194912310021', accountStatus: '正常', balanceFen: 1 },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.message).toBe('职工证件号码：不是有效的18位居民身份证号码');
  });
});
