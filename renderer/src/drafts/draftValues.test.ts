import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { decodeDraft, encodeDraft } from './draftValues';

describe('draft values', () => {
  it('carries dates as dayjs through JSON and leaves the rest as typed', () => {
    const values = { name: '张三', openedDate: dayjs('2026-06-15'), facts: { rent: { contractDate: dayjs('2026-03-01'), annual: '36000' }, list: [1, 'a'] }, gone: undefined };
    const back = decodeDraft(JSON.parse(JSON.stringify(encodeDraft(values)))) as typeof values;
    expect(back.name).toBe('张三');
    expect(dayjs.isDayjs(back.openedDate) && back.openedDate.format('YYYY-MM-DD')).toBe('2026-06-15');
    expect(dayjs.isDayjs(back.facts.rent.contractDate) && back.facts.rent.contractDate.format('YYYY-MM-DD')).toBe('2026-03-01');
    expect(back.facts.list).toEqual([1, 'a']);
    expect('gone' in back).toBe(false);
  });
});
