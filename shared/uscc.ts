/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters from 0-9 and A-Y without I O S V Z.
 * Check character: 31 − (Σ value × weight mod 31), where 31 maps to 0.
 *
 * Some early pilot codes fail the check yet are legal (domain-notes), so a failing check is a warning that a clerk
 * may confirm, not a refusal; a wrong length or alphabet is always an error.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  const c = 31 - (sum % 31);
  return ALPHABET[c === 31 ? 0 : c]!;
}

export type UsccVerdict = { ok: true } | { ok: false; fatal: boolean; reason: string };

export function checkUscc(raw: string): UsccVerdict {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return { ok: false, fatal: true, reason: '应为18位' };
  for (const ch of code) {
    if (!ALPHABET.includes(ch)) return { ok: false, fatal: true, reason: `含有不允许的字符“${ch}”（不使用I、O、S、V、Z）` };
  }
  if (usccCheckChar(code) !== code[17]) {
    return { ok: false, fatal: false, reason: '校验码不符（早期试点代码可能如此，请核对营业执照后确认）' };
  }
  return { ok: true };
}

/** Builds a valid code from a 17-character body; for demo data. */
export function makeUscc(first17: string): string {
  return first17 + usccCheckChar(first17);
}
