/**
 * Account numbers issued by a center: its 4-digit prefix, a sequence, and a Luhn check digit so that a mistyped
 * number at the counter is caught before a lookup. Members: 12 digits; employers: 10 digits (never confused).
 */
export function luhnDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function isValidAccountNo(no: string): boolean {
  return /^\d{10}(\d{2})?$/.test(no) && luhnDigit(no.slice(0, -1)) === no.slice(-1);
}

export function memberAccountNo(prefix: string, seq: number): string {
  const body = prefix + String(seq).padStart(7, '0');
  return body + luhnDigit(body);
}

export function employerAccountNo(prefix: string, seq: number): string {
  const body = prefix + String(seq).padStart(5, '0');
  return body + luhnDigit(body);
}
