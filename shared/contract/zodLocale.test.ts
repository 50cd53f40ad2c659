import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import '../rules/primitives'; // the policy schemas' base: loads the locale without the contract
import { date, month } from './fields';

const CJK = /[\u4e00-\u9fff]/;

describe('zod messages are Chinese', () => {
  it("zod's defaults (wrong type, unknown key, enum) come from the zh-CN locale", () => {
    for (const r of [z.number().safeParse('x'), z.strictObject({ a: z.string() }).safeParse({ a: 'x', b: 1 }), z.enum(['汇缴', '补缴']).safeParse('x')]) {
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.message).toMatch(CJK);
      expect(r.error!.issues[0]!.message).not.toMatch(/expected|invalid|unrecognized/i);
    }
  });
  it('dates and months outside 1900–2200 or not on the calendar name the field', () => {
    for (const v of ['9999-99-99', '0001-01-01', '2200-12-32', '2023-02-29', '1899-12-31']) {
      expect(date('开户日期').safeParse(v).error!.issues[0]!.message).toContain('开户日期');
    }
    expect(date('开户日期').safeParse('2200-12-31').success).toBe(true);
    expect(month().safeParse('0001-01').error!.issues[0]!.message).toContain('缴存月份');
  });
});
