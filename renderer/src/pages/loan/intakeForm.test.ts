import { describe, expect, it } from 'vitest';
import { intakeGaps, intakeLayout } from './intakeForm';

describe('婚姻状况 on the loan intake form', () => {
  it('starts empty and is marked required (no 未婚 assumed)', () => {
    const marital = intakeLayout(undefined).marital;
    expect(marital.path).toEqual(['maritalStatus']);
    expect(marital.defaultValue).toBeUndefined();
    expect(marital.required).toBe(true);
  });

  it('blocks judging and saving until chosen, naming the field in Chinese', () => {
    expect(intakeGaps({}, { kase: true, borrower: true })).toEqual([[['maritalStatus'], '请选择婚姻状况']]);
    expect(intakeGaps({ maritalStatus: 'single' }, { kase: true, borrower: true })).toEqual([]);
  });

  it('asks in the form\'s order: house type, borrower, then marital status', () => {
    expect(intakeGaps({}, { kase: false, borrower: false }).map(([, m]) => m)).toEqual(['请选择购房类型', '请选择借款人', '请选择婚姻状况']);
  });
});

describe('异地缴存 on the 银川 loan intake form', () => {
  it('asks the remote certificate under borrowerExtra, in Chinese', async () => {
    const { loanHouseTypes } = await import('../../../../services/rules/engine');
    const kase = loanHouseTypes('yinchuan').find((c) => c.id === 'commodity');
    const spec = intakeLayout(kase).borrowerExtra.find((f) => f.path.join('.') === 'borrowerExtra.remoteContribution');
    expect(spec?.label).toBe('异地缴存');
  });
});
