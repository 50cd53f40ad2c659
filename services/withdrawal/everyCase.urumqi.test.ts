/**
 * 乌鲁木齐: every withdrawal case of the catalogue (the seven of 一、 with 购房 split into purchase/build/rebuild/
 * repair, plus 加装电梯 and 墙体保温) taken from intake (受理) through 复核, 审批 and payout (支付) with the real
 * dispatcher, one member per case, then `gjj check` (ledger.check) after each.
 *
 * Common timeline (one fresh data folder per test):
 *  - the member opens on 2025-07-01 at base 6,200.00 × (8% + 8%) = 992.00 a month; the spouse, where the case draws
 *    on the spouse, at base 7,500.00 × 16% = 1,200.00 a month;
 *  - 汇缴 for 2025-07 … 2025-12 posted on the 15th of each month → member 6 × 992 = 5,952.00,
 *    spouse 6 × 1,200 = 7,200.00;
 *  - intake and submission on 2026-01-12, 复核 on 01-13, 审批 on 01-14, payout on 2026-01-15.
 *
 * 销户 interest to the payout day (services/interest/accrual.ts: 积数, 360-day basis, 1.50%, 算头不算尾, from the
 * first deposit 2025-07-15 since it is after 1 July 2025; 2026-01-15 itself not counted):
 *   07-15→08-15 31 d × 992   =  30,752
 *   08-15→09-15 31 d × 1,984 =  61,504
 *   09-15→10-15 30 d × 2,976 =  89,280
 *   10-15→11-15 31 d × 3,968 = 123,008
 *   11-15→12-15 30 d × 4,960 = 148,800
 *   12-15→01-15 31 d × 5,952 = 184,512
 *   Σ 637,856 yuan-days × 1.50% ÷ 360 = 26.5773 → 26.58 yuan.
 * So every 销户 case (retirement, death, emigration) pays 5,952.00 + 26.58 = 5,978.58, leaves 0.00, status 销户.
 *
 * Housing withdrawals (购建修, 还贷, 租房, 电梯, 保温) keep 10.00 in every account drawn (uq.wd.keep10); amounts are to
 * the fen (no rounding to the hundred here). Purchase of a commodity home pays the developer's filed sale account.
 */
import { recordClearCheck } from '../testing/dishonest';
import { afterEach, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../shared/idcard';
import type { Payee, WithdrawalAppDto } from '../../shared/contract/dto';
import { harness, newEmployer, newMember, type Harness } from '../testing/harness';

let h: Harness;
afterEach(() => {
  // `gjj check` after every case, then the data folder goes.
  try {
    expect(h.call('ledger.check', {}, 'admin').ok).toBe(true);
  } finally {
    h.close();
  }
});

const REGION = '650102'; // 乌鲁木齐市天山区
const MONTHS = ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'];
const MEMBER_BALANCE = 595_200; // 6 × 992.00
const SPOUSE_BALANCE = 720_000; // 6 × 1,200.00
const CLOSE_INTEREST = 2_658; // 26.58, worked out in the header
const PAY_DATE = '2026-01-15';

const card = (name: string): Payee => ({ kind: 'own', cardType: 'debit', bankName: '中国工商银行乌鲁木齐天山支行', accountNo: '6222020000012345678', accountName: name });
const DEVELOPER: Payee = { kind: 'developer', bankName: '中国银行乌鲁木齐新华北路支行', accountNo: '107654321000123', accountName: '新疆天山房地产开发有限公司' };

interface Person {
  name: string;
  birth: string;
  seq: number;
}

/** Opens the member (and spouse), remits six months on moving dates, and stops the clock on the intake day. */
function setup(member: Person, spouse?: Person) {
  h = harness('urumqi', '2025-07-01T02:00:00Z');
  const e = newEmployer(h, {
    name: '新疆天山建材有限公司',
    district: '天山区',
    employeeRatioPercent: '8',
    employerRatioPercent: '8',
    contactName: '阿依古丽',
    contactPhone: '0991-2812345',
  });
  const m = newMember(h, e.id, {
    name: member.name,
    idNumber: makeIdNumber(REGION, member.birth, member.seq),
    phone: '13899812345',
    baseFen: 620_000,
    openedDate: '2025-07-01',
  });
  const s = spouse
    ? newMember(h, e.id, { name: spouse.name, idNumber: makeIdNumber(REGION, spouse.birth, spouse.seq), phone: '13899816789', baseFen: 750_000, openedDate: '2025-07-01' })
    : null;
  for (const month of MONTHS) {
    h.at(`${month}-15T02:00:00Z`);
    const r = h.call('remit.post', { employerId: e.id, month, idempotencyKey: h.key() });
    expect(r.totalFen).toBe(s ? 99_200 + 120_000 : 99_200);
  }
  h.at('2026-01-12T02:00:00Z');
  expect(h.call('members.get', { memberId: m.id }).balanceFen).toBe(MEMBER_BALANCE);
  return { e, m, s };
}

interface Intake {
  memberId: number;
  spouseMemberId?: number | null;
  caseId: string;
  facts: Record<string, unknown>;
  requestedFen?: number;
  payee: Payee;
}

function body(i: Intake) {
  return { caseId: i.caseId, spouseMemberId: i.spouseMemberId ?? null, facts: i.facts, requestedFen: i.requestedFen ?? null, payee: i.payee };
}

/** 受理 with nothing seen, then every material ticked; the draft must be eligible with nothing missing. */
function intake(i: Intake): WithdrawalAppDto {
  const draft = h.call('withdrawal.create', { memberId: i.memberId, ...body(i), materialsSeen: [], idempotencyKey: h.key() });
  const ready = h.call('withdrawal.update', {
    applicationId: draft.id,
    version: draft.version,
    ...body(i),
    materialsSeen: draft.materials.map((x) => x.id),
    idempotencyKey: h.key(),
  });
  expect(ready.decision!.trace.filter((t) => t.outcome === 'failed')).toEqual([]);
  expect(ready.decision!.eligible).toBe(true);
  expect(ready.missingMaterials).toEqual([]);
  return ready;
}

/** 提交 (clerk) → 复核 (reviewer, next day) → 审批 (approver, next day) → 支付 (second clerk, next day). */
function signAndPay(app: WithdrawalAppDto): WithdrawalAppDto {
  expect(h.call('withdrawal.submit', { applicationId: app.id, idempotencyKey: h.key() }).state).toBe('待复核');
  h.at('2026-01-13T03:00:00Z');
  expect(h.call('withdrawal.review', { applicationId: app.id, pass: true, idempotencyKey: h.key() }, 'reviewer').state).toBe('待审批');
  h.at('2026-01-14T03:00:00Z');
  recordClearCheck(h, app.id);
  expect(h.call('withdrawal.approve', { applicationId: app.id, pass: true, idempotencyKey: h.key() }, 'approver').state).toBe('已审批');
  h.at(`${PAY_DATE}T03:00:00Z`);
  const paid = h.call('withdrawal.pay', { applicationId: app.id, idempotencyKey: h.key() }, 'clerk2');
  expect(paid.state).toBe('已支付');
  expect(paid.decision!.eligible).toBe(true);
  const actions = paid.events.map((e) => e.action);
  expect(actions.filter((a) => a !== 'dishonest_check')).toEqual(['create', 'update', 'submit', 'review', 'approve', 'pay']);
  // 失信惩戒 queries recorded before 审批: the applicant's, and the spouse's when that account is drawn; none for heirs.
  expect(actions.filter((a) => a === 'dishonest_check')).toHaveLength(app.caseId === 'death' ? 0 : (app.facts as { includeSpouse?: boolean }).includeSpouse ? 2 : 1);
  return paid;
}

function run(i: Intake): WithdrawalAppDto {
  return signAndPay(intake(i));
}

const balance = (memberId: number) => h.call('members.get', { memberId }).balanceFen;

function expectPartial(paid: WithdrawalAppDto, memberId: number, amountFen: number, memberAfterFen: number) {
  expect(paid.decision!.closesAccount).toBe(false);
  expect(paid.paidAmountFen).toBe(amountFen);
  expect(paid.interestFen).toBe(0);
  expect(h.call('members.get', { memberId })).toMatchObject({ status: '正常', balanceFen: memberAfterFen });
  const line = h.call('members.statement', { memberId }).lines.find((l) => l.bookedDate === PAY_DATE)!;
  expect(line).toMatchObject({ summary: '部分提取', category: '提取', amountFen: -(MEMBER_BALANCE - memberAfterFen) });
}

function expectClosed(paid: WithdrawalAppDto, memberId: number) {
  expect(paid.decision!.closesAccount).toBe(true);
  expect(paid.decision!.keepPerAccountFen).toBe(0);
  expect(paid.interestFen).toBe(CLOSE_INTEREST);
  expect(paid.paidAmountFen).toBe(MEMBER_BALANCE + CLOSE_INTEREST); // 5,978.58
  expect(h.call('members.get', { memberId })).toMatchObject({ status: '销户', balanceFen: 0 });
  const lines = h.call('members.statement', { memberId }).lines.filter((l) => l.bookedDate === PAY_DATE);
  expect(lines.map((l) => [l.summary, l.category, l.amountFen])).toEqual([
    ['销户提取', '提取', -(MEMBER_BALANCE + CLOSE_INTEREST)],
    ['销户结息', '缴存', CLOSE_INTEREST],
  ]);
}

describe('乌鲁木齐 住房消费类 withdrawals, intake to payout', () => {
  it('purchase: a local commodity home, both spouses’ accounts, paid to the developer’s filed sale account', () => {
    const { m, s } = setup({ name: '艾力·买买提', birth: '19880805', seq: 21 }, { name: '古丽娜尔·吐尔逊', birth: '19900312', seq: 32 });
    const i: Intake = {
      memberId: m.id,
      spouseMemberId: s!.id,
      caseId: 'purchase',
      facts: {
        maritalStatus: 'married',
        includeSpouse: true,
        house: { houseId: '乌房预售2025-118862', type: 'new', residential: true, priceFen: 85_000_000, contractDate: '2025-11-20', developerFiled: true },
      },
      payee: card(m.name),
    };
    // The own card is refused: 所提款项转入房产公司在中心备案的售房账户.
    expect(h.fail('withdrawal.create', { memberId: m.id, ...body(i), materialsSeen: [], idempotencyKey: h.key() })).toMatchObject({
      code: 'BAD_INPUT',
      field: 'payee.kind',
    });
    const app = intake({ ...i, payee: DEVELOPER });
    expect(app.materials.map((x) => x.id)).toEqual(
      expect.arrayContaining(['uq.mat.wd.spouse', 'uq.mat.purchase.local.contract', 'uq.mat.purchase.local.tax', 'uq.mat.purchase.local.spouse']),
    );
    // (5,952.00 − 10) + (7,200.00 − 10) = 5,942.00 + 7,190.00 = 13,132.00 < price 850,000.00.
    expect(app.decision!.maxAmountFen).toBe(1_313_200);
    const paid = signAndPay(app);
    expect(paid.payee).toEqual(DEVELOPER);
    expect(paid.paidAmountFen).toBe(1_313_200);
    // Each account keeps 10.00.
    expect(balance(m.id)).toBe(1_000);
    expect(balance(s!.id)).toBe(1_000);
  });

  it('build: within two years of the 用地批准书, the balance less the 10.00 kept', () => {
    const { m } = setup({ name: '买买提·艾散', birth: '19800422', seq: 13 });
    const paid = run({
      memberId: m.id,
      caseId: 'build',
      facts: { maritalStatus: 'single', house: { houseId: '乌国用2025-0421', residential: true, costFen: 12_000_000, landApprovalDate: '2025-04-01' } },
      payee: card(m.name),
    });
    // Cost 120,000.00 does not bind; 5,952.00 − 10.00 = 5,942.00; 10.00 stays.
    expectPartial(paid, m.id, 594_200, 1_000);
  });

  it('rebuild: the cost of the works (3,456.78) caps the withdrawal, to the fen', () => {
    const { m } = setup({ name: '张建新', birth: '19760916', seq: 35 });
    const paid = run({
      memberId: m.id,
      caseId: 'rebuild',
      facts: { maritalStatus: 'single', house: { houseId: '乌规建2024-0901', residential: true, costFen: 345_678, planningPermitDate: '2024-09-01' } },
      payee: card(m.name),
    });
    // Cost 3,456.78 < 5,942.00 → 3,456.78 paid; 5,952.00 − 3,456.78 = 2,495.22.
    expectPartial(paid, m.id, 345_678, 249_522);
  });

  it('repair: within two years of the 危房鉴定书, requested amount paid', () => {
    const { m } = setup({ name: '李桂芳', birth: '19700103', seq: 44 });
    const paid = run({
      memberId: m.id,
      caseId: 'repair',
      facts: { maritalStatus: 'single', house: { houseId: '乌危鉴2025-1010', residential: true, costFen: 8_000_000, appraisalDate: '2025-10-10' } },
      requestedFen: 400_000,
      payee: card(m.name),
    });
    // Max 5,942.00; requested 4,000.00 → 5,952.00 − 4,000.00 = 1,952.00.
    expect(paid.decision!.maxAmountFen).toBe(594_200);
    expectPartial(paid, m.id, 400_000, 195_200);
  });

  it('repayment of a 公积金 loan disbursed in the ledger: both spouses’ accounts, paid to the loan', () => {
    const { m, s } = setup({ name: '努尔兰·哈力克', birth: '19880805', seq: 27 }, { name: '阿依努尔', birth: '19900312', seq: 48 });
    // A real 公积金 loan: 120,000.00 over 240 months at 2.60%, developer-guaranteed, disbursed on the intake day
    // (13,152.00 in both accounts covers the 10% reserve of 12,000.00).
    const credit = { credit: { reportDate: '2026-01-05', maxConsecutiveOverdue5y: 0, totalOverdue5y: 0 } };
    const loanBody = {
      caseId: 'commodity',
      spouseMemberId: s!.id,
      facts: {
        maritalStatus: 'married',
        borrowerExtra: credit,
        spouseExtra: credit,
        spouseCoApplicant: true,
        familyMonthlyIncomeFen: 1_600_000,
        house: { priceFen: 60_000_000, contractDate: '2025-12-20', contractRegistered: true, downPaymentInvoice: true, borrowerIsBuyer: true },
        downPaymentFen: 30_000_000,
        guarantee: { type: 'developer' },
        stableIncome: true,
        goodCredit: true,
      },
      requestedFen: 12_000_000,
      months: 240,
      method: 'annuity' as const,
      payee: DEVELOPER,
    };
    const ld = h.call('loan.create', { memberId: m.id, ...loanBody, materialsSeen: [], idempotencyKey: h.key() });
    const la = h.call('loan.update', { applicationId: ld.id, version: ld.version, ...loanBody, materialsSeen: ld.materials.map((x) => x.id), idempotencyKey: h.key() });
    h.call('loan.submit', { applicationId: la.id, idempotencyKey: h.key() });
    h.call('loan.review', { applicationId: la.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
    h.call('loan.approve', { applicationId: la.id, pass: true, idempotencyKey: h.key() }, 'approver');
    h.call('loan.sign', { applicationId: la.id, contractNo: 'UQ-GJJ-2026-0007', mortgageRegNo: '新(2026)乌鲁木齐市不动产证明第0000777号', idempotencyKey: h.key() });
    const loan = h.call('loan.disburse', { applicationId: la.id, idempotencyKey: h.key() }).loan!;
    const outstanding = h.call('loan.schedule', { loanId: loan.id }).reduce((t, r) => t + r.paymentFen, 0);

    const app = intake({
      memberId: m.id,
      spouseMemberId: s!.id,
      caseId: 'repayment',
      facts: {
        maritalStatus: 'married',
        includeSpouse: true,
        repayment: { loanType: 'pf', loanContractNo: loan.contractNo, outstandingFen: outstanding },
      },
      payee: { kind: 'loan', bankName: '乌鲁木齐住房公积金管理中心', accountNo: '121020260000007', accountName: m.name },
    });
    // (5,952.00 − 10) + (7,200.00 − 10) = 13,132.00 < outstanding principal and interest (≈154,018.61).
    expect(app.decision!.maxAmountFen).toBe(1_313_200);
    // This center's own loan is repaid by 委托提取, at most what is due up to the next installment:
    // 120,000.00 × (2.60% ÷ 12) = 260.00 interest + 381.75 principal = 641.75 (the first installment; P·r·(1+r)^240 ÷ ((1+r)^240 − 1) = 641.7457 → 641.75).
    const first = h.call('loan.schedule', { loanId: loan.id })[0]!;
    expect([first.paymentFen, first.interestFen, first.principalFen]).toEqual([64_175, 26_000, 38_175]);
    const paid = signAndPay(app);
    expect(paid.payee.kind).toBe('loan');
    expect(paid.paidAmountFen).toBe(64_175);
    // The borrower's account pays first; the loan's balance falls by the principal part.
    expect(balance(m.id)).toBe(595_200 - 64_175);
    expect(balance(s!.id)).toBe(720_000);
    expect(h.call('loan.status', { loanId: loan.id }).balanceFen).toBe(12_000_000 - 38_175);
    expect(h.call('members.statement', { memberId: m.id }).lines[0]).toMatchObject({ category: '提取', amountFen: -64_175 });
  });

  it('rent: no home in the city, a fresh 无房证明, capped by the year’s rent', () => {
    const { m } = setup({ name: '王丽', birth: '19950711', seq: 29 });
    const app = intake({
      memberId: m.id,
      caseId: 'rent',
      facts: {
        maritalStatus: 'single',
        rent: { annualRentFen: 480_000, contractDate: '2025-09-01', ownsHomeInCity: false, noHomeCertDate: '2026-01-05', genuine: true },
      },
      payee: card(m.name),
    });
    expect(app.materials.map((x) => x.id)).toEqual(expect.arrayContaining(['uq.mat.rent.id', 'uq.mat.rent.contract', 'uq.mat.rent.card']));
    // Rent 4,800.00 < 5,942.00 → 4,800.00; 5,952.00 − 4,800.00 = 1,152.00.
    expectPartial(signAndPay(app), m.id, 480_000, 115_200);
  });

  it('elevator: the owner’s share of a new lift, both spouses’ accounts', () => {
    const { m, s } = setup({ name: '赵振国', birth: '19620630', seq: 17 }, { name: '孙玉兰', birth: '19640811', seq: 26 });
    const paid = run({
      memberId: m.id,
      spouseMemberId: s!.id,
      caseId: 'elevator',
      facts: {
        maritalStatus: 'married',
        includeSpouse: true,
        house: { houseId: '新(2012)乌鲁木齐市不动产权第0012345号' },
        elevator: { acceptanceDate: '2025-09-30', paid: true, ownerShareFen: 980_000 },
      },
      payee: card(m.name),
    });
    // Owner's share 9,800.00 < 13,132.00 → 9,800.00: member 5,942.00 (→ 10.00), spouse 3,858.00 (7,200 → 3,342.00).
    expect(paid.paidAmountFen).toBe(980_000);
    expect(balance(m.id)).toBe(1_000);
    expect(balance(s!.id)).toBe(334_200);
  });

  it('insulation: the member’s share of approved wall insulation, own account only', () => {
    const { m } = setup({ name: '刘志强', birth: '19781120', seq: 41 });
    const paid = run({
      memberId: m.id,
      caseId: 'insulation',
      facts: { insulation: { approved: true, personalCostFen: 235_040 } },
      payee: card(m.name),
    });
    // Personal cost 2,350.40 < 5,942.00 → 2,350.40; 5,952.00 − 2,350.40 = 3,601.60.
    expectPartial(paid, m.id, 235_040, 360_160);
  });
});

describe('乌鲁木齐 非住房消费类 withdrawals, intake to payout', () => {
  it('retirement: a man who turned 60 on 2025-11-03 needs only his ID → 销户 with interest to the day', () => {
    const { m } = setup({ name: '吐尔洪·艾买提', birth: '19651103', seq: 19 });
    expect(h.call('members.get', { memberId: m.id })).toMatchObject({ sex: '男', birthDate: '1965-11-03' });
    const app = intake({ memberId: m.id, caseId: 'retirement', facts: { maritalStatus: 'married' }, payee: card(m.name) });
    // At or above 60 (男): no 《退休证》 asked for.
    expect(app.materials.map((x) => x.id)).not.toContain('uq.mat.retirement.certificate');
    expectClosed(signAndPay(app), m.id);
  });

  it('death: the heir with a 继承公证书 (balance not under 1,000.00) → 销户 to the heir’s own card', () => {
    const { m } = setup({ name: '马玉福', birth: '19580430', seq: 33 });
    const facts = { death: { deathDate: '2025-12-20', heirCount: 1, heirsPresent: 1, notarizedInheritance: true }, applicant: { role: 'heir', name: '马海燕' } };
    // The heir is the 提取人: a card in the deceased's name is refused, the heir's own is paid.
    expect(h.fail('withdrawal.create', { memberId: m.id, caseId: 'death', facts, payee: card(m.name), materialsSeen: [], idempotencyKey: h.key() })).toMatchObject({
      code: 'BAD_INPUT',
      field: 'payee.accountName',
      message: '收款户名：须为提取人马海燕本人的实名制账户',
    });
    const app = intake({ memberId: m.id, caseId: 'death', facts, payee: card('马海燕') });
    expect(app.materials.map((x) => x.id)).toEqual(expect.arrayContaining(['uq.mat.death.certificate', 'uq.mat.death.notary', 'uq.mat.death.heirId']));
    expectClosed(signAndPay(app), m.id);
  });

  it('emigration: settled abroad → 销户', () => {
    const { m } = setup({ name: '周文博', birth: '19850909', seq: 15 });
    expectClosed(run({ memberId: m.id, caseId: 'emigration', facts: { situation: { emigrated: true } }, payee: card(m.name) }), m.id);
  });

  it('termination: the account sealed for six months with no new employer → the whole balance, account stays 封存', () => {
    // The member left the employer after the last remittance (2025-12-15); the counter seals the account (封存) on
    // 2026-01-12, dated 2025-12-31, the day the labour relation ended. The half year counts from the later of the seal
    // date and the day it was recorded (2026-01-12): on 2026-07-11 not yet, on 2026-07-12 (满半年) eligible. Before
    // sealing the engine refuses with 账户状态为正常，不是封存.
    const { m } = setup({ name: '陈小龙', birth: '19920214', seq: 37 });
    const facts = { situation: { laborRelationEnded: true, newEmployer: false } };
    const draft = h.call('withdrawal.create', { memberId: m.id, caseId: 'termination', facts, payee: card(m.name), materialsSeen: [], idempotencyKey: h.key() });
    expect(draft.decision!.trace.filter((t) => t.outcome === 'failed').map((t) => [t.ruleId, t.message])).toEqual([
      ['uq.wd.termination.sealed6m', '账户状态为正常，不是封存'],
    ]);
    h.call('withdrawal.cancel', { applicationId: draft.id, reason: '先办理封存', idempotencyKey: h.key() });
    h.call('members.seal', { memberId: m.id, date: '2025-12-31', reason: '与单位解除劳动关系', idempotencyKey: h.key() });
    h.at('2026-07-11T02:00:00Z');
    const early = h.call('withdrawal.create', { memberId: m.id, caseId: 'termination', facts, payee: card(m.name), materialsSeen: [], idempotencyKey: h.key() });
    expect(early.decision!.trace.find((t) => t.ruleId === 'uq.wd.termination.sealed6m')).toMatchObject({ outcome: 'failed', message: '2026-01-12封存，至2026-07-12方满6个月' });
    h.call('withdrawal.cancel', { applicationId: early.id, reason: '未满半年', idempotencyKey: h.key() });
    h.at('2026-07-12T02:00:00Z');
    const ready = intake({ memberId: m.id, caseId: 'termination', facts, payee: card(m.name) });
    h.call('withdrawal.submit', { applicationId: ready.id, idempotencyKey: h.key() });
    h.call('withdrawal.review', { applicationId: ready.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
    recordClearCheck(h, ready.id);
    h.call('withdrawal.approve', { applicationId: ready.id, pass: true, idempotencyKey: h.key() }, 'approver');
    const paid = h.call('withdrawal.pay', { applicationId: ready.id, idempotencyKey: h.key() }, 'clerk2');
    // Termination pays the whole balance (5,952.00) without closing the account (条例 第24条 reading, see the rule's note).
    expect(paid.paidAmountFen).toBe(MEMBER_BALANCE);
    expect(h.call('members.get', { memberId: m.id })).toMatchObject({ status: '封存', balanceFen: 0 });
  });
});
