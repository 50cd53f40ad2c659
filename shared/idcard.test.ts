import { describe, expect, it } from 'vitest';
import { ageOn, idFacts, idNumberError, isValidIdNumber, makeIdNumber, maskIdNumber } from './idcard';

describe('GB 11643 ID numbers', () => {
  it('accepts the standard examples', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('34052419800101001X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
  });
  it('refuses a wrong check character, a bad date and a bad shape', () => {
    expect(idNumberError('110105194912310021')).toContain('校验码');
    expect(idNumberError('110105194902300021')).toContain('出生日期');
    expect(idNumberError('1101051949123100')).toContain('18位');
  });
  it('derives birth date and sex', () => {
    expect(idFacts('11010519491231002X')).toEqual({ birthDate: '1949-12-31', sex: 'F', regionCode: '110105' });
    expect(idFacts('34052419800101001X').sex).toBe('M');
  });
  it('builds valid numbers for demo data', () => {
    const id = makeIdNumber('640104', '19900615', 123);
    expect(isValidIdNumber(id)).toBe(true);
    expect(idFacts(id).sex).toBe('M');
  });
  it('masks for lists and logs', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
  it('counts age in whole years with the birthday reached', () => {
    expect(ageOn('1966-05-10', '2026-05-10')).toBe(60);
    expect(ageOn('1966-05-10', '2026-05-09')).toBe(59);
  });
});
