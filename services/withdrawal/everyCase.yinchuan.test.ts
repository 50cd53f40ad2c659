/**
 * 银川: every withdrawal case of the catalogue (4 房屋类 + 12 非房屋类) taken from intake (受理) through 复核, 审批
 * and payout (支付) with the real dispatcher, one member per case, then `gjj check` (ledger.check) after each.
 *
 * Common timeline (one fresh data folder per test):
 *  - the member opens on 2025-07-01 at base 5,050.00 × (12% + 12%) = 1,212.00 a month; the spouse, where the case
 *    draws on the spouse, at base 6,000.00 × 24% = 1,440.00 a month;
 *  - 汇缴 for 2025-07 … 2025-12 posted on the 15th of each month → member 6 × 1,212 = 7,272.00,
 *    spouse 6 × 1,440 = 8,640.00;
 *  - intake and submission on 2026-01-12, 复核 on 01-13, 审批 on 01-14, payout on 2026-01-15.
 *
 * 销户 interest to the payout day (services/interest/accrual.ts: 积数, 360-day basis, 1.50%, 算头不算尾, from the
 * first deposit 2025-07-15 since it is after 1 July 2025; 2026-01-15 itself not counted):
 *   07-15→08-15 31 d × 1,212 =  37,572
 *   08-15→09-15 31 d × 2,424 =  75,144
 *   09-15→10-15 30 d × 3,636 = 109,080
 *   10-15→11-15 31 d × 4,848 = 150,288
 *   11-15→12-15 30 d × 6,060 = 181,800
 *   12-15→01-15 31 d × 7,272 = 225,432
 *   Σ 779,316 yuan-days × 1.50% ÷ 360 = 32.4715 → 32.47 yuan.
 * So every 销户 case pays 7,272.00 + 32.47 = 7,304.47 and leaves 0.00, status 销户, a '销户结息' line of 32.47.
 *
 * 银川 partial withdrawals are floored to the hundred (yc.wd.amount.roundHundred) unless a smaller amount is
 * requested; the payee is the applicant's own real-name card except when repaying a 公积金 loan (payee: loan).
 */
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

const REGION = '640104'; // 银川市兴庆区
const MONTHS = ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'];
const MEMBER_BALANCE = 727_200; // 6 × 1,212.00
const SPOUSE_BALANCE = 864_000; // 6 × 1,440.00
const CLOSE_INTEREST = 3_247; // 32.47, worked out in the header
const PAY_DATE = '2026-01-15';

const card = (name: string): Payee => ({ kind: 'own', bankName: '中国建设银行银川兴庆支行', accountNo: '6217000010012345678', accountName: name });

interface Person {
  name: string;
  birth: string;
  seq: number;
}

/** Opens the member (and spouse), remits six months on moving dates, and stops the clock on the intake day. */
function setup(member: Person, spouse?: Person) {
  h = harness('yinchuan', '2025-07-01T02:00:00Z');
  const e = newEmployer(h, { name: '银川塞上建材有限公司', contactName: '杨会计', contactPhone: '0951-6021234' });
  const m = newMember(h, e.id, {
    name: member.name,
    idNumber: makeIdNumber(REGION, member.birth, member.seq),
    phone: '13995012345',
    baseFen: 505_000,
    openedDate: '2025-07-01',
  });
  const s = spouse
    ? newMember(h, e.id, { name: spouse.name, idNumber: makeIdNumber(REGION, spouse.birth, spouse.seq), phone: '13995016789', baseFen: 600_000, openedDate: '2025-07-01' })
    : null;
  for (const month of MONTHS) {
    h.at(`${month}-15T02:00:00Z`);
    const r = h.call('remit.post', { employerId: e.id, month, idempotencyKey: h.key() });
    expect(r.totalFen).toBe(s ? 121_200 + 144_000 : 121_200);
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

/** 受理 with nothing seen, then every material ticked; the draft must be eligible with nothing missing. */
function intake(i: Intake): WithdrawalAppDto {
  const body = { caseId: i.caseId, spouseMemberId: i.spouseMemberId ?? null, facts: i.facts, requestedFen: i.requestedFen ?? null, payee: i.payee };
  const draft = h.call('withdrawal.create', { memberId: i.memberId, ...body, materialsSeen: [], idempotencyKey: h.key() });
  const ready = h.call('withdrawal.update', {
    applicationId: draft.id,
    version: draft.version,
    ...body,
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
  expect(h.call('withdrawal.approve', { applicationId: app.id, pass: true, idempotencyKey: h.key() }, 'approver').state).toBe('已审批');
  h.at(`${PAY_DATE}T03:00:00Z`);
  const paid = h.call('withdrawal.pay', { applicationId: app.id, idempotencyKey: h.key() }, 'clerk2');
  expect(paid.state).toBe('已支付');
  expect(paid.decision!.eligible).toBe(true);
  expect(paid.events.map((e) => e.action)).toEqual(['create', 'update', 'submit', 'review', 'approve', 'pay']);
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
  const after = h.call('members.get', { memberId });
  expect(after).toMatchObject({ status: '正常', balanceFen: memberAfterFen });
  const line = h.call('members.statement', { memberId }).lines.find((l) => l.bookedDate === PAY_DATE)!;
  expect(line).toMatchObject({ summary: '部分提取', category: '提取', amountFen: -(MEMBER_BALANCE - memberAfterFen) });
}

function expectClosed(paid: WithdrawalAppDto, memberId: number) {
  expect(paid.decision!.closesAccount).toBe(true);
  expect(paid.interestFen).toBe(CLOSE_INTEREST);
  expect(paid.paidAmountFen).toBe(MEMBER_BALANCE + CLOSE_INTEREST); // 7,304.47
  expect(h.call('members.get', { memberId })).toMatchObject({ status: '销户', balanceFen: 0 });
  const lines = h.call('members.statement', { memberId }).lines.filter((l) => l.bookedDate === PAY_DATE);
  expect(lines.map((l) => [l.summary, l.category, l.amountFen])).toEqual([
    ['销户提取', '提取', -(MEMBER_BALANCE + CLOSE_INTEREST)],
    ['销户结息', '缴存', CLOSE_INTEREST],
  ]);
}

describe('银川 房屋类 withdrawals, intake to payout', () => {
  it('purchase: a married member buys a new home and draws both spouses’ accounts to the own card', () => {
    const { m, s } = setup({ name: '马志刚', birth: '19880805', seq: 21 }, { name: '李秀兰', birth: '19900312', seq: 32 });
    const app = intake({
      memberId: m.id,
      spouseMemberId: s!.id,
      caseId: 'purchase',
      facts: {
        maritalStatus: 'married',
        includeSpouse: true,
        house: { houseId: '银房预售备字2025-118862', type: 'new', residential: true, priceFen: 68_000_000, contractRegistered: true, paymentProof: true },
      },
      payee: card(m.name),
    });
    expect(app.materials.map((x) => x.id)).toContain('yc.mat.wd.spouse');
    expect(app.materials.map((x) => x.id)).toContain('yc.mat.purchase.new');
    // Pool 7,272.00 + 8,640.00 = 15,912.00; price cap 680,000.00; floored to the hundred → 15,900.00.
    expect(app.decision!.maxAmountFen).toBe(1_590_000);
    const paid = signAndPay(app);
    expect(paid.payee.kind).toBe('own');
    // Member first: 7,272.00 (→ 0.00), then the spouse 15,900 − 7,272 = 8,628.00 (8,640 → 12.00).
    expect(paid.paidAmountFen).toBe(1_590_000);
    expect(h.call('members.get', { memberId: m.id })).toMatchObject({ status: '正常', balanceFen: 0 });
    expect(balance(s!.id)).toBe(1_200);
    const spouseLine = h.call('members.statement', { memberId: s!.id }).lines.find((l) => l.bookedDate === PAY_DATE)!;
    expect(spouseLine).toMatchObject({ category: '提取', amountFen: -862_800 });
  });

  it('build: a member building a home in town, capped by nothing but the balance, floored to the hundred', () => {
    const { m } = setup({ name: '王海涛', birth: '19850422', seq: 13 });
    const paid = run({
      memberId: m.id,
      caseId: 'build',
      facts: { maritalStatus: 'single', house: { residential: true, costFen: 9_600_000, planningPermitDate: '2025-08-01' } },
      payee: card(m.name),
    });
    // Cost 96,000.00 does not bind; 7,272.00 floored to the hundred → 7,200.00; 72.00 stays.
    expectPartial(paid, m.id, 720_000, 7_200);
  });

  it('rebuild: a rural house rebuilt on the homestead, requested amount paid', () => {
    const { m } = setup({ name: '马占山', birth: '19790916', seq: 35 });
    const app = intake({
      memberId: m.id,
      caseId: 'rebuild',
      facts: { maritalStatus: 'single', house: { residential: true, rural: true, costFen: 4_500_000, landApprovalDate: '2025-05-20' } },
      requestedFen: 600_000,
      payee: card(m.name),
    });
    expect(app.materials.map((x) => x.id)).toContain('yc.mat.rebuild.homestead');
    // Max 7,200.00 (floored balance; cost 45,000.00 does not bind); requested 6,000.00 → 7,272 − 6,000 = 1,272.00.
    expect(app.decision!.maxAmountFen).toBe(720_000);
    expectPartial(signAndPay(app), m.id, 600_000, 127_200);
  });

  it('repair: the cost of the works caps the withdrawal, floored to the hundred', () => {
    const { m } = setup({ name: '张玉梅', birth: '19760103', seq: 44 });
    const paid = run({
      memberId: m.id,
      caseId: 'repair',
      facts: { maritalStatus: 'single', house: { residential: true, costFen: 465_050, appraisalDate: '2025-10-08' } },
      payee: card(m.name),
    });
    // Cost 4,650.50 < balance 7,272.00 → cap 4,650.50, floored to the hundred → 4,600.00; 7,272 − 4,600 = 2,672.00.
    expectPartial(paid, m.id, 460_000, 267_200);
  });
});

describe('银川 非房屋类 withdrawals, intake to payout', () => {
  it('retirement: a man of 60 with his 退休证 closes the account with interest to the day', () => {
    const { m } = setup({ name: '马德福', birth: '19651202', seq: 17 });
    expect(h.call('members.get', { memberId: m.id })).toMatchObject({ sex: '男', birthDate: '1965-12-02' });
    const paid = run({ memberId: m.id, caseId: 'retirement', facts: { situation: { retirementProof: true } }, payee: card(m.name) });
    expectClosed(paid, m.id);
  });

  it('incapacity: completely incapacitated and labour relation ended → 销户', () => {
    const { m } = setup({ name: '杨建军', birth: '19720618', seq: 23 });
    const paid = run({
      memberId: m.id,
      caseId: 'incapacity',
      facts: { situation: { incapacitated: true, laborRelationEnded: true } },
      payee: card(m.name),
    });
    expectClosed(paid, m.id);
  });

  it('emigration: hukou moved out of 银川 with the labour relation ended → 销户', () => {
    const { m } = setup({ name: '刘晓东', birth: '19910227', seq: 39 });
    const app = intake({
      memberId: m.id,
      caseId: 'emigration',
      facts: { situation: { hukouMovedOut: true, laborRelationEnded: true } },
      payee: card(m.name),
    });
    expect(app.materials.map((x) => x.id)).toContain('yc.mat.hukouMovedOut');
    expectClosed(signAndPay(app), m.id);
  });

  it('repayment of a 公积金 loan disbursed in the ledger: both spouses’ accounts, paid to the loan', () => {
    const { m, s } = setup({ name: '马志远', birth: '19880805', seq: 27 }, { name: '苏丽娟', birth: '19900312', seq: 48 });
    // A real 公积金 loan: 300,000.00 over 240 months at 2.60%, disbursed on the intake day.
    const credit = { credit: { reportDate: '2026-01-05', maxConsecutiveOverdue5y: 0, totalOverdue5y: 0 } };
    const loanBody = {
      caseId: 'commodity',
      spouseMemberId: s!.id,
      facts: {
        maritalStatus: 'married',
        borrowerExtra: credit,
        spouseExtra: credit,
        familyMonthlyIncomeFen: 1_800_000,
        house: { priceFen: 60_000_000, areaSqm: '98.5', contractDate: '2025-12-20', contractRegistered: true, downPaymentInvoice: true, borrowerIsBuyer: true },
        downPaymentFen: 30_000_000,
        stableIncome: true,
        goodCredit: true,
        incomeCertDate: '2026-01-05',
      },
      requestedFen: 30_000_000,
      months: 240,
      method: 'annuity' as const,
      payee: { kind: 'developer' as const, bankName: '宁夏银行金凤支行', accountNo: '1010012345678901', accountName: '宁夏塞上房地产开发有限公司' },
    };
    const ld = h.call('loan.create', { memberId: m.id, ...loanBody, materialsSeen: [], idempotencyKey: h.key() });
    const la = h.call('loan.update', { applicationId: ld.id, version: ld.version, ...loanBody, materialsSeen: ld.materials.map((x) => x.id), idempotencyKey: h.key() });
    h.call('loan.submit', { applicationId: la.id, idempotencyKey: h.key() });
    h.call('loan.review', { applicationId: la.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
    h.call('loan.approve', { applicationId: la.id, pass: true, idempotencyKey: h.key() }, 'approver');
    h.call('loan.sign', { applicationId: la.id, contractNo: 'YC-GJJ-2026-000018', mortgageRegNo: '宁(2026)银川市不动产证明第0000188号', idempotencyKey: h.key() });
    const loan = h.call('loan.disburse', { applicationId: la.id, idempotencyKey: h.key() }).loan!;
    const contractTotal = h.call('loan.schedule', { loanId: loan.id }).reduce((t, r) => t + r.paymentFen, 0);

    const app = intake({
      memberId: m.id,
      spouseMemberId: s!.id,
      caseId: 'repayment',
      facts: {
        maritalStatus: 'married',
        includeSpouse: true,
        repayment: { loanType: 'pf', loanContractNo: loan.contractNo, contractTotalFen: contractTotal },
      },
      payee: { kind: 'loan', bankName: '银川住房公积金管理中心', accountNo: '121020260000018', accountName: m.name },
    });
    expect(app.decision!.postConditions.map((p) => p.kind)).toContain('payee_loan');
    // The own card is refused: 偿还公积金贷款 pays the loan.
    const wrong = h.fail('withdrawal.update', {
      applicationId: app.id,
      version: app.version,
      caseId: 'repayment',
      spouseMemberId: s!.id,
      facts: app.facts,
      payee: card(m.name),
      materialsSeen: [],
      idempotencyKey: h.key(),
    });
    expect(wrong).toMatchObject({ code: 'BAD_INPUT', field: 'payee.kind' });
    // Pool 7,272.00 + 8,640.00 = 15,912.00 < contract total (≈385,047.73) → floored 15,900.00.
    expect(app.decision!.maxAmountFen).toBe(1_590_000);
    // This center's own loan is repaid by 委托提取, at most what is due up to the next installment:
    // 300,000.00 × (2.60% ÷ 12) = 650.00 interest + 954.36 principal = 1,604.36 (the first installment).
    const first = h.call('loan.schedule', { loanId: loan.id })[0]!;
    expect([first.paymentFen, first.interestFen, first.principalFen]).toEqual([160_436, 65_000, 95_436]);
    const paid = signAndPay(app);
    expect(paid.payee.kind).toBe('loan');
    expect(paid.paidAmountFen).toBe(160_436);
    expect(balance(m.id)).toBe(727_200 - 160_436);
    expect(balance(s!.id)).toBe(864_000);
    expect(h.call('loan.status', { loanId: loan.id }).balanceFen).toBe(30_000_000 - 95_436);
  });

  it('rent: rent above 15% of family income, spouse’s account included, capped at the excess', () => {
    const { m, s } = setup({ name: '丁振华', birth: '19930711', seq: 29 }, { name: '海燕', birth: '19940925', seq: 46 });
    const paid = run({
      memberId: m.id,
      spouseMemberId: s!.id,
      caseId: 'rent',
      facts: {
        maritalStatus: 'married',
        includeSpouse: true,
        rent: { annualRentFen: 2_885_000, familyAnnualIncomeFen: 11_000_000, contractDate: '2025-09-01', publicHousing: true },
      },
      payee: card(m.name),
    });
    // Rent 28,850.00 − 15% × 110,000.00 (16,500.00) = 12,350.00 → floored 12,300.00 (pool 15,912.00 does not bind).
    // Member 7,272.00 → 0.00; spouse 12,300 − 7,272 = 5,028.00 → 8,640 − 5,028 = 3,612.00.
    expect(paid.paidAmountFen).toBe(1_230_000);
    expect(balance(m.id)).toBe(0);
    expect(balance(s!.id)).toBe(361_200);
  });

  it('dibao: a member drawing 城镇最低生活保障金 → 销户', () => {
    const { m } = setup({ name: '纳秀英', birth: '19700509', seq: 52 });
    expectClosed(run({ memberId: m.id, caseId: 'dibao', facts: { situation: { receivingDibao: true } }, payee: card(m.name) }), m.id);
  });

  it('disaster: a house fire with the 突发事件鉴定书, the balance floored to the hundred', () => {
    const { m } = setup({ name: '周国庆', birth: '19831001', seq: 15 });
    const app = intake({
      memberId: m.id,
      caseId: 'disaster',
      facts: { situation: { disasterAppraisal: true, severeHardship: true } },
      payee: card(m.name),
    });
    expect(app.decision!.postConditions.map((p) => p.kind)).toContain('verify_materials');
    // 7,272.00 floored → 7,200.00; 72.00 stays.
    expectPartial(signAndPay(app), m.id, 720_000, 7_200);
  });

  it('migrantWorker: a migrant worker leaving the employer → 销户', () => {
    const { m } = setup({ name: '马小军', birth: '19960214', seq: 33 });
    const paid = run({
      memberId: m.id,
      caseId: 'migrantWorker',
      facts: { situation: { migrantWorker: true, laborRelationEnded: true } },
      payee: card(m.name),
    });
    expectClosed(paid, m.id);
  });

  it('unemployment: laid off at the end of 2025 (under two years: partial), requested amount', () => {
    const { m } = setup({ name: '冯立平', birth: '19810820', seq: 41 });
    const paid = run({
      memberId: m.id,
      caseId: 'unemployment',
      facts: { situation: { unemployedSince: '2025-12-31', reemployed: false, severeHardship: true } },
      requestedFen: 350_000,
      payee: card(m.name),
    });
    // Not two years unemployed → partial, max 7,200.00; requested 3,500.00 → 7,272 − 3,500 = 3,772.00.
    expect(paid.decision!.maxAmountFen).toBe(720_000);
    expectPartial(paid, m.id, 350_000, 377_200);
  });

  it('medical: the father’s serious illness, 14,820.50 of bills in the year, requested amount', () => {
    const { m } = setup({ name: '田文静', birth: '19870307', seq: 26 });
    const paid = run({
      memberId: m.id,
      caseId: 'medical',
      facts: {
        medical: {
          patient: 'lineal',
          seriousIllness: true,
          bills: [
            { date: '2025-06-20', amountFen: 850_000 },
            { date: '2025-11-03', amountFen: 632_050 },
          ],
        },
      },
      requestedFen: 600_000,
      payee: card(m.name),
    });
    // Bills 8,500.00 + 6,320.50 = 14,820.50 > 10,000.00 within 2025-01-15…2026-01-15; no cost cap (parameter off) →
    // max 7,200.00; requested 6,000.00 → 1,272.00.
    expectPartial(paid, m.id, 600_000, 127_200);
  });

  it('sentenced: sentenced while employed, labour relation ended, the wife acting → 销户', () => {
    const { m } = setup({ name: '韩永刚', birth: '19820614', seq: 37 });
    const app = intake({
      memberId: m.id,
      caseId: 'sentenced',
      facts: { situation: { sentenced: true, laborRelationEnded: true }, applicant: { role: 'relativeAgent', name: '韩秀芳' } },
      payee: card(m.name),
    });
    expect(app.materials.map((x) => x.id)).toContain('yc.mat.wd.relativeAgent');
    expectClosed(signAndPay(app), m.id);
  });

  it('death: the heir withdraws the balance with interest → 销户 to the heir’s own card', () => {
    const { m } = setup({ name: '马福来', birth: '19620430', seq: 19 });
    const facts = { death: { deathDate: '2025-12-20' }, applicant: { role: 'heir', name: '马晓燕' } };
    // The heir is the 提取人: a card in the deceased's name is refused, the heir's own is paid.
    expect(h.fail('withdrawal.create', { memberId: m.id, caseId: 'death', facts, payee: card(m.name), materialsSeen: [], idempotencyKey: h.key() })).toMatchObject({
      code: 'BAD_INPUT',
      field: 'payee.accountName',
      message: '收款户名：须为提取人马晓燕本人的实名制账户',
    });
    const paid = run({ memberId: m.id, caseId: 'death', facts, payee: card('马晓燕') });
    expectClosed(paid, m.id);
  });
});

describe('银川 child under 28 drawing a parent’s account (yc.wd.child28)', () => {
  it('the parents’ balance counts toward the limit but is not paid from this application: submission says so', () => {
    // Son 马小龙, born 1999-08-05 → 26 on the intake day, unmarried, builds a home; father 马建国 (1970) is a member.
    const { m, s: father } = setup({ name: '马小龙', birth: '19990805', seq: 21 }, { name: '马建国', birth: '19700312', seq: 31 });
    const app = intake({
      memberId: m.id,
      caseId: 'build',
      facts: {
        maritalStatus: 'single',
        parents: [{ name: father!.name, accountStatus: '正常', balanceFen: balance(father!.id) }],
        house: { residential: true, costFen: 9_000_000, planningPermitDate: '2025-08-01' },
      },
      requestedFen: 1_200_000,
      payee: card(m.name),
    });
    // 7,272.00 + father 8,640.00 = 15,912.00 → 15,900.00; 12,000.00 requested and approved.
    expect(app.decision!.maxAmountFen).toBe(1_590_000);
    // The counter pays only from the member's (and spouse's) accounts: 12,000.00 > 7,272.00 is refused at submission.
    expect(h.fail('withdrawal.submit', { applicationId: app.id, idempotencyKey: h.key() })).toMatchObject({
      code: 'RULE',
      message: '本申请只能从职工本人及配偶账户支付，最多7,272.00元；父母或共有人账户的余额须由其本人另行申请提取',
    });
    expect(balance(m.id)).toBe(MEMBER_BALANCE);
    expect(balance(father!.id)).toBe(SPOUSE_BALANCE);
  });
});
