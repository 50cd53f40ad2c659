/**
 * Which of a person's facts the caller may supply. The ledger knows a member's balances, contribution history,
 * account status, sealing, withdrawals and this center's loans (services/policy/facts.ts memberFacts): those are
 * always read from the books and never taken from a request. Only what the counter records from the applicant's
 * papers is: the credit report, income, loans at other centers (异地贷款), a 失信 or false-information ban. Such
 * facts are stored with the application as recorded evidence, with who recorded them and when.
 */
import { badInput } from '../../shared/errors';
import type { PfLoan, Person } from '../../shared/rules/personSchema';
import type { Operator } from '../context';

/** Facts memberFacts supplies from the ledger (a request that sets one is refused). */
export const LEDGER_PERSON_FIELDS: Record<string, string> = {
  name: '姓名',
  idNumber: '证件号码',
  birthDate: '出生日期',
  sex: '性别',
  accountStatus: '账户状态',
  balanceFen: '账户余额',
  accruedInterestFen: '应计利息',
  openedDate: '开户日期',
  continuousMonths: '连续缴存月数',
  contributionRatioPercent: '缴存比例',
  contributionPlace: '缴存地',
  sealedSince: '封存日期',
  withdrawals: '已办理的提取',
};

/** Facts the counter records from documents. `loans` only for loans at other centers (remote). */
export const RECORDED_PERSON_FIELDS = ['credit', 'monthlyIncomeFen', 'loans', 'dishonest', 'dishonestCheck', 'falseInfoBanUntil', 'remoteContribution'] as const;

/**
 * Refuses a caller's person facts (`facts.borrowerExtra` …) that the ledger knows, naming the field in Chinese;
 * unknown fields are left to the engine's schema. Loans the caller records must be loans at other centers.
 */
export function checkRecordedPerson(raw: unknown, root: string, who: string): void {
  if (raw === undefined || raw === null) return;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw badInput(`facts.${root}`, `${who}补充信息：格式不正确`);
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (k in LEDGER_PERSON_FIELDS) {
      throw badInput(`facts.${root}.${k}`, `${who}的${LEDGER_PERSON_FIELDS[k]}取自本中心账务，不能手工填写`);
    }
    if (k === 'loans' && Array.isArray(v)) {
      v.forEach((l, i) => {
        if (!l || typeof l !== 'object' || (l as { remote?: unknown }).remote !== true) {
          throw badInput(`facts.${root}.loans.${i}.remote`, `${who}的本中心公积金贷款记录取自账务；手工只能录入在其他公积金中心取得的贷款（异地贷款）`);
        }
      });
    }
  }
}

/** A top-level person the ledger supplies (borrower, member, spouse) must not come in the caller's facts. */
export function refuseLedgerPersons(facts: Record<string, unknown>, roots: Record<string, string>): void {
  for (const [root, who] of Object.entries(roots)) {
    const v = facts[root];
    if (v === undefined || v === null) continue;
    if (typeof v === 'object' && Object.keys(v).length === 0) continue;
    throw badInput(`facts.${root}`, `${who}的账户信息取自本中心账务，不能手工填写${root === 'spouse' ? '；配偶是本中心职工的，请选择配偶' : ''}`);
  }
}

/** The ledger's person with the recorded facts added; the ledger wins, and other-center loans join this center's. */
export function withRecorded(ledger: Person, raw: unknown): Person {
  const extra = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const recorded: Record<string, unknown> = {};
  for (const k of RECORDED_PERSON_FIELDS) if (extra[k] !== undefined) recorded[k] = extra[k];
  // Anything else the caller sent (an unknown field) is kept so the engine's strict schema names it.
  for (const [k, v] of Object.entries(extra)) if (!(k in LEDGER_PERSON_FIELDS) && !(k in recorded)) recorded[k] = v;
  // A recorded 失信惩戒 check decides the flag: a 'listed' result is the refusal (004 一、(一)).
  const check = recorded.dishonestCheck as { result?: unknown } | undefined;
  if (check && typeof check === 'object' && (check.result === 'listed' || check.result === 'clear')) recorded.dishonest = check.result === 'listed';
  const remote = Array.isArray(recorded.loans) ? (recorded.loans as PfLoan[]).filter((l) => l && l.remote === true) : [];
  const merged = { ...ledger, ...recorded, ...pickLedger(ledger), loans: [...ledger.loans, ...remote] } as Person;
  // A certificate recorded at intake for a borrower without an account here (019_remote_borrowers) wins over the caller's.
  if (ledger.remoteContribution) merged.remoteContribution = ledger.remoteContribution;
  return withRemoteContribution(merged);
}

/**
 * A person who no longer contributes here (account 封存 at this center) and contributes at another center: the
 * contribution facts the rules read are that center's certificate's (缴存地, continuity, status), and the balance is
 * this center's sealed balance plus the certificate's. A person contributing here (正常) keeps the ledger's facts;
 * intake refuses a certificate for them (services/loan/intake.ts).
 */
export function withRemoteContribution(p: Person): Person {
  const rc = p.remoteContribution;
  if (!rc || p.accountStatus === '正常') return p;
  return { ...p, contributionPlace: rc.place, accountStatus: '正常', continuousMonths: rc.continuousMonths, balanceFen: p.balanceFen + rc.balanceFen };
}

function pickLedger(p: Person): Partial<Person> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(LEDGER_PERSON_FIELDS)) if ((p as Record<string, unknown>)[k] !== undefined) out[k] = (p as Record<string, unknown>)[k];
  return out as Partial<Person>;
}

/** Who recorded the document facts, and when: stored beside them in the application's facts. */
export function recordedBy(by: Operator, at: string) {
  return { operatorId: by.id, operatorName: by.name, recordedAt: at };
}
