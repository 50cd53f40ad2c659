/**
 * Resident ID numbers (居民身份证号码, GB 11643-1999): 17 digits and a check character.
 * The check character is the weighted sum of the first 17 digits mod 11, mapped through 1 0 X 9 8 7 6 5 4 3 2.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type Sex = 'M' | 'F';
export interface IdFacts {
  birthDate: string; // YYYY-MM-DD
  sex: Sex;
  regionCode: string;
}

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Returns null when valid, otherwise a Chinese reason naming what is wrong. */
export function idNumberError(raw: string): string | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return '应为18位：17位数字加1位校验码（数字或X）';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return '出生日期不是有效日期';
  }
  if (idCheckChar(id) !== id[17]) return '校验码不正确，请核对号码';
  return null;
}

export function isValidIdNumber(raw: string): boolean {
  return idNumberError(raw) === null;
}

/** Birth date and sex derived from a valid ID number (the 17th digit: odd = male). */
export function idFacts(raw: string): IdFacts {
  const id = raw.trim().toUpperCase();
  const err = idNumberError(id);
  if (err) throw new RangeError(`证件号码${err}`);
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? 'M' : 'F',
    regionCode: id.slice(0, 6),
  };
}

/** Whole years of age on a date (the birthday itself counts as reached: 满N周岁). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

/** Masks an ID number for lists and logs: the region's first 6 and the last 4 stay, e.g. 110105********002X. */
export function maskIdNumber(raw: string): string {
  const id = raw.trim();
  if (id.length < 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

/** Builds a valid ID number from region, birth date (YYYYMMDD) and a 3-digit sequence (odd = male); for demo data. */
export function makeIdNumber(region: string, birth: string, seq: number): string {
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}
