/**
 * Facts the rules of both centers derive from an application: ages, family loan history, past withdrawals,
 * and the way amounts are written in messages.
 */
import { ageOn, idFacts, type Sex } from '../../shared/idcard';
import { D, floorToUnit, formatYuanGrouped, fenToYuan, type Dec } from '../../shared/money';
import type { Person, PfLoan, WithdrawalRecord } from '../../shared/rules/personSchema';

/** "12,345.60元" */
export function yuan(fen: number): string {
  return `${formatYuanGrouped(fen)}元`;
}

/** An exact yuan amount that may carry fractions of a fen (a threshold such as 15% of an income), for messages. */
export function yuanExact(value: Dec): string {
  const [int, dec] = value.toFixed(value.decimalPlaces() > 2 ? value.decimalPlaces() : 2).split('.');
  return `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}元`;
}

/** Birth date and sex, from the ID number when there is one (the ledger's number outranks a typed date). */
export function birthAndSex(p: Person): { birthDate: string; sex: Sex } | null {
  if (p.idNumber) {
    const f = idFacts(p.idNumber);
    return { birthDate: f.birthDate, sex: f.sex };
  }
  if (p.birthDate && p.sex) return { birthDate: p.birthDate, sex: p.sex };
  return null;
}

export function ageOf(p: Person, date: string): number | null {
  const b = p.idNumber ? idFacts(p.idNumber).birthDate : p.birthDate;
  return b ? ageOn(b, date) : null;
}

/**
 * The family's provident-fund loans, each counted once: a loan the borrower and the spouse share appears in both
 * ledgers under the same loan id.
 */
export function familyLoans(a: Person, b?: Person): PfLoan[] {
  const seen = new Map<string, PfLoan>();
  for (const l of [...a.loans, ...(b?.loans ?? [])]) if (!seen.has(l.loanId)) seen.set(l.loanId, l);
  return [...seen.values()];
}

export function withdrawalsOf(people: (Person | undefined)[], pred: (w: WithdrawalRecord) => boolean): WithdrawalRecord[] {
  return people.flatMap((p) => (p ? p.withdrawals.filter(pred) : []));
}

export function sumWithdrawn(records: readonly WithdrawalRecord[]): number {
  return records.reduce((t, w) => t + w.amountFen, 0);
}

/** fen × percent / 100, floored to the fen: a bound must never be exceeded by rounding. */
export function percentOf(fen: number, percent: string): number {
  return floorToUnit(fenToYuan(fen).times(percent).dividedBy(100), 'fen');
}

/** fen × a multiple. */
export function timesOf(fen: number, times: string | number): number {
  return floorToUnit(fenToYuan(fen).times(times), 'fen');
}

export function pct(percent: string): string {
  return `${new D(percent).toString()}%`;
}
