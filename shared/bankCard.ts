/**
 * Payee card types as clerks know them, and the card number's shape. 004 names 借记卡 for the payee card of 租房、退休、
 * 死亡、终止劳动关系 (rule uq.flow.payeeDebitCard). The seed says nothing of card numbers: 16–19 digits is the shape of a
 * bank card number (银联卡号), and the Luhn check digit is only a typo check shown to the clerk, never a refusal
 * (some older cards do not carry a Luhn digit).
 */
export const CARD_TYPES = { debit: '借记卡', credit: '信用卡', passbook: '存折' } as const;
export type CardType = keyof typeof CARD_TYPES;

export const cardDigits = (no: string) => no.replace(/\s/g, '');

/** A 借记卡 or 信用卡 number: 16 to 19 digits. */
export const cardNumberShapeOk = (no: string) => /^\d{16,19}$/.test(cardDigits(no));

/** The Luhn check digit (mod 10): false means a likely typo. */
export function luhnOk(no: string): boolean {
  const d = cardDigits(no);
  if (!/^\d+$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let n = Number(d[d.length - 1 - i]);
    if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
    sum += n;
  }
  return sum % 10 === 0;
}
