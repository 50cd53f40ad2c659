import { describe, expect, it } from 'vitest';
import { D, floorToUnit, percentOfFen, formatYuan, formatYuanGrouped, parseYuan, roundFen, roundToUnit, toChineseUpper } from './money';

describe('roundFen (half-up to the fen)', () => {
  it('rounds .5 of a fen up and .4999 down', () => {
    expect(roundFen('1.005')).toBe(101);
    expect(roundFen('1.00499999')).toBe(100);
    expect(roundFen('2.675')).toBe(268); // a float would give 2.67
  });
  it('rounds negative halves away from zero', () => {
    expect(roundFen('-1.005')).toBe(-101);
  });
  it('keeps exact decimals exact', () => {
    expect(roundFen(new D('0.1').plus('0.2'))).toBe(30);
  });
});

describe('roundToUnit / floorToUnit', () => {
  it('rounds a share to the yuan half-up', () => {
    expect(roundToUnit('283.50', 'yuan')).toBe(28400);
    expect(roundToUnit('283.49', 'yuan')).toBe(28300);
  });
  it('floors to the hundred for withdrawals kept to hundreds', () => {
    expect(floorToUnit('36789.99', 'hundred')).toBe(3670000);
  });
});

describe('parse and format', () => {
  it('parses clerk input', () => {
    expect(parseYuan('1,234.5')).toBe(123450);
    expect(() => parseYuan('1.234')).toThrow('金额格式不正确');
  });
  it('formats', () => {
    expect(formatYuan(56800)).toBe('568.00');
    expect(formatYuanGrouped(123456789)).toBe('1,234,567.89');
    expect(formatYuanGrouped(-3670000)).toBe('-36,700.00');
  });
});

describe('人民币大写', () => {
  const cases: Array<[number, string]> = [
    [13500000, '壹拾叁万伍仟元整'],
    [0, '零元整'],
    [1, '壹分'],
    [10, '壹角整'],
    [100, '壹元整'],
    [101, '壹元零壹分'],
    [10001, '壹佰元零壹分'],
    [150, '壹元伍角整'],
    [100000000, '壹佰万元整'],
    [100100000, '壹佰万壹仟元整'],
    [1000010000, '壹仟万零壹佰元整'],
    [10000000000, '壹亿元整'],
    [10000010000, '壹亿零壹佰元整'],
    [427016, '肆仟贰佰柒拾元壹角陆分'],
    [3670000, '叁万陆仟柒佰元整'],
    [10100, '壹佰零壹元整'],
    [100000100, '壹佰万零壹元整'],
    [700000000, '柒佰万元整'],
    [70000000, '柒拾万元整'],
    [-56800, '负伍佰陆拾捌元整'],
  ];
  for (const [fen, words] of cases) {
    it(`${formatYuan(fen)} → ${words}`, () => expect(toChineseUpper(fen)).toBe(words));
  }
});

describe('percentOfFen (integer fast path of the same half-up rule)', () => {
  it('agrees with roundToUnit over decimal.js on many bases and ratios', () => {
    for (let base = 100000; base < 2600000; base += 7919) {
      for (const pct of ['5', '7.5', '8.25', '12', '0.01', '11.99']) {
        for (const unit of ['fen', 'yuan', 'hundred'] as const) {
          expect(percentOfFen(base, pct, unit)).toBe(roundToUnit(new D(base).times(pct).dividedBy(10000), unit));
        }
      }
    }
  });
  it('rounds the exact half up: 5670 yuan × 5% = 283.50 → 284 yuan', () => {
    expect(percentOfFen(567000, '5', 'yuan')).toBe(28400);
    expect(percentOfFen(566980, '5', 'yuan')).toBe(28300);
  });
  it('refuses a malformed percent', () => {
    expect(() => percentOfFen(100, '5.555', 'fen')).toThrow('百分比格式不正确');
  });
});
