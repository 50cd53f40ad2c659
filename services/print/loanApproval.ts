/**
 * The center's loan approval form — 银川《银川住房公积金贷款审批书》 / 乌鲁木齐《住房公积金贷款审批表》 — as the
 * archive copy of a submitted application, on one A4 sheet: borrower and spouse with their fund accounts, the house
 * and the down payment, the loan (amount in figures and 大写, term, rate and its basis, method, monthly payment),
 * every quota limit with the binding one marked, the guarantee (乌鲁木齐), the rules it passed, the 经办 / 复核 /
 * 审批 sign-offs and, once signed, the loan contract number.
 *
 * ID numbers: printed IN FULL, the borrower's and the spouse's. Like the withdrawal voucher this copy stays in the
 * center's archive, is signed by both spouses and stamped by the employer (银川 asks the employer to write the
 * borrower's income on this very form), and is matched against the ID copies filed with it.
 */
import type { LoanAppDto, MemberDetail } from '../../shared/contract/dto';
import { AppError } from '../../shared/errors';
import { idFacts } from '../../shared/idcard';
import { METHOD_LABELS } from '../../shared/loan/schedule';
import type { Guarantee, LoanHouse } from '../../shared/rules/loanSchema';
import {
  atText,
  BLANK_DATE,
  BLANK_SIGN,
  cnDate,
  covered,
  FORM_PAGE_MARGINS,
  FORM_STYLES,
  formFooter,
  formHeader,
  GRID_CONTINUED,
  GRID_LAYOUT,
  grid,
  label,
  number,
  reprintHeader,
  sectionCell,
  span,
  STAMP_RED,
  titleText,
  upper,
  value,
  yuan,
  type FormDocument,
  type PrintEnv,
} from './formKit';
import { clauseNumber } from '../../shared/rules/citations';
import { basisDocuments, basisItem, ruleIdAppendix } from './basis';
import { paymentText, planTotals, termText, type RepaymentPlan } from './repaymentSchedule';

/** Before submission nothing has been decided; a cancelled or returned one has no amount anyone signed for. */
const NOT_PRINTABLE = ['草稿', '退回', '撤销'] as const;

export function assertApprovalPrintable(dto: LoanAppDto, formName: string): void {
  if ((NOT_PRINTABLE as readonly string[]).includes(dto.state) || dto.approvedFen === null || !dto.decision) {
    throw new AppError(
      'RULE',
      `申请${dto.appNo}当前为“${dto.state}”，《${formName}》须在提交复核后才能打印；材料不全的草稿请打印一次性告知书`,
    );
  }
}

/** The part of the clerk's recorded facts this form prints. */
interface PrintedFacts {
  maritalStatus?: 'single' | 'married' | 'divorced' | 'widowed';
  familyMonthlyIncomeFen?: number;
  spouseCoApplicant?: boolean;
  house?: Partial<LoanHouse>;
  downPaymentFen?: number;
  guarantee?: Partial<Guarantee>;
  borrowerExtra?: { monthlyIncomeFen?: number };
  spouseExtra?: { monthlyIncomeFen?: number };
}

const MARITAL: Record<NonNullable<PrintedFacts['maritalStatus']>, string> = { single: '未婚', married: '已婚', divorced: '离异', widowed: '丧偶' };

/** The names 乌鲁木齐's guarantee rules use (services/rules/urumqi/loanGuarantee.ts), so form and trace agree. */
const GUARANTEE: Record<Guarantee['type'], string> = {
  company: '担保公司担保',
  developer: '房产公司阶段担保加抵押',
  property: '房产抵押',
  pfJoint: '住房公积金联保',
  naturalPerson: '自然人保证',
  pledge: '质押',
};

function guaranteeText(g: Partial<Guarantee>, developer: string | null): string {
  const name = g.type ? GUARANTEE[g.type] : '—';
  switch (g.type) {
    case 'developer':
      return developer ? `${name}（阶段担保人：${developer}）` : name;
    case 'property': {
      const ps = g.properties ?? [];
      const total = ps.reduce((t, p) => t + p.appraisalFen, 0);
      const years = ps.map((p) => `${p.buildYear}年建`).join('、');
      return `${name}：抵押房产${ps.length}套，评估价值合计${yuan(total)}${years ? `（${years}）` : ''}`;
    }
    case 'pfJoint':
      return `${name}：${(g.jointGuarantors ?? []).map((j) => `${j.name}（担保${yuan(j.pledgedFen)}）`).join('、') || '—'}`;
    case 'naturalPerson':
      return `${name}：保证人${g.naturalPersons ?? 0}名`;
    case 'pledge':
      return g.pledgeValueFen !== undefined ? `${name}：质物价值${yuan(g.pledgeValueFen)}` : name;
    default:
      return name;
  }
}

/** 2026-06 → 2026年06月 */
function cnMonth(month: string | null): string {
  return month ? `${month.slice(0, 4)}年${month.slice(5, 7)}月` : '—';
}

/**
 * [18 caption | label value | label value | label value]. pdfmake adds each cell's padding to these widths; the
 * middle value column is the widest because it holds the 18-digit ID, which must not wrap.
 */
const GRID_W = [18, 40, 96, 40, 114, 40, '*'];

/** The kit's grid with tighter padding: this form carries twice the rows of a withdrawal voucher on one sheet. */
const TIGHT = { ...GRID_LAYOUT, paddingLeft: () => 4, paddingRight: () => 4, paddingTop: () => 2, paddingBottom: () => 1.5 };
const TIGHT_CONTINUED = { ...TIGHT, hLineWidth: GRID_CONTINUED.hLineWidth };

/**
 * 小五 (9pt) type, set close: Noto CJK's line box is 1.45 em, so the kit's 1.25 line height would make every row of
 * this form 19pt and push the sign-offs onto a second sheet.
 */
const STYLES = {
  ...FORM_STYLES,
  label: { ...FORM_STYLES.label, fontSize: 9, lineHeight: 0.95 },
  value: { ...FORM_STYLES.value, fontSize: 9.5, lineHeight: 1 },
  section: { ...FORM_STYLES.section, fontSize: 9.5, lineHeight: 0.95 },
  basis: { ...FORM_STYLES.basis, fontSize: 7.5, lineHeight: 1 },
};

function signCell(role: string, s: LoanAppDto['submitted'], opinion: string | null = null): Record<string, unknown> {
  if (!s) return { stack: [{ text: `${role}：${BLANK_SIGN}` }, { text: `日期：${BLANK_DATE}`, margin: [0, 2, 0, 0] }], margin: [0, 1, 0, 1] };
  const said = opinion ? [{ text: `意见：${opinion}`, margin: [0, 2, 0, 0] }] : [];
  return { stack: [{ text: `${role}：${s.name}`, bold: true }, ...said, { text: `时间：${atText(s.at)}`, margin: [0, 2, 0, 0] }], margin: [0, 1, 0, 1] };
}

/** The 复核 / 审批 opinion written in the sign-off dialog (the latest such step); the service's default words are no opinion. */
export function signOffOpinion(dto: LoanAppDto, action: 'review' | 'approve'): string | null {
  const e = dto.events.filter((x) => x.action === action).at(-1);
  const note = e?.note?.trim();
  return note && note !== (action === 'review' ? '复核通过' : '审批通过') ? note : null;
}

/** One person: identity, employer, then the fund account the quota was computed from — five rows. */
function personRows(caption: string, p: MemberDetail, second: [string, string], third: [string, string]): unknown[][] {
  const id = idFacts(p.idNumber);
  return [
    [sectionCell(caption, 5), label('姓名'), value(`${p.name}（${p.sex}）`, { bold: true }), label('证件号码'), number(p.idNumber, { bold: true }), label('出生日期'), value(cnDate(id.birthDate))],
    [covered(), label(second[0]), value(second[1]), label('联系电话'), number(p.phone), label(third[0]), value(third[1])],
    [covered(), label('工作单位'), ...span(value(`${p.employer.name}（单位账号 ${p.employer.accountNo}）`), 3), label('账户状态'), value(p.status)],
    [covered(), label('个人账号'), number(p.accountNo), label('开户日期'), value(cnDate(p.openedDate)), label('账户余额'), value(yuan(p.balanceFen), { bold: true })],
    [
      covered(),
      label('缴存基数'),
      value(yuan(p.baseFen)),
      label('月缴存额'),
      value(`${yuan(p.monthlyEmployeeFen + p.monthlyEmployerFen)}（${p.employer.employeeRatioPercent}%+${p.employer.employerRatioPercent}%）`),
      label('连续缴存'),
      value(`${p.continuousMonths}个月（至${cnMonth(p.lastContributionMonth)}）`),
    ],
  ];
}

export interface ApprovalPeople {
  borrower: MemberDetail;
  spouse: MemberDetail | null;
}

export function approvalDocument(dto: LoanAppDto, people: ApprovalPeople, plan: RepaymentPlan, env: PrintEnv): FormDocument {
  const center = env.center;
  const formName = center.forms.loanApproval;
  const branch = center.branches.find((b) => b.code === dto.branchCode);
  const decision = dto.decision!;
  const facts = dto.facts as PrintedFacts;
  const house = facts.house ?? {};
  const amountFen = plan.principalFen;
  const totals = planTotals(plan);
  const marital = MARITAL[facts.maritalStatus ?? (dto.spouse ? 'married' : 'single')];
  const income = facts.familyMonthlyIncomeFen !== undefined ? `${yuan(facts.familyMonthlyIncomeFen)}/月` : '—';
  const developer = dto.payee.kind === 'developer' ? dto.payee.accountName : null;

  const borrower = personRows('借款人', people.borrower, ['婚姻状况', marital], ['家庭收入', income]);
  const spouse = people.spouse ? personRows('配偶', people.spouse, ['婚姻状况', marital], ['共同申请', facts.spouseCoApplicant ? '是' : '否']) : [];

  const price = house.priceFen;
  const down = facts.downPaymentFen;
  // The down payment's share of the price, as the first-home / second-home minimum is quoted (不低于20%).
  const downShare = price && down !== undefined ? `（${((down / price) * 100).toFixed(2)}%）` : '';
  const houseRows: unknown[][] = [
    [sectionCell('房屋', 3), label('房屋类型'), value(dto.caseName, { bold: true }), label('房屋总价'), value(price !== undefined ? yuan(price) : '—', { bold: true }), label('建筑面积'), value(house.areaSqm ? `${house.areaSqm}平方米` : '—')],
    [covered(), label('合同日期'), value(house.contractDate ? cnDate(house.contractDate) : '—'), label('首付款'), value(down !== undefined ? `${yuan(down)}${downShare}` : '—'), label('最低首付'), value(decision.downPaymentMinFen !== null ? yuan(decision.downPaymentMinFen) : '—')],
    [
      covered(),
      label(developer ? '售房单位' : '收款户名'),
      ...span(value(`${dto.payee.accountName}（${dto.payee.bankName} ${dto.payee.accountNo}）`), 3),
      label('合同备案'),
      value(house.contractRegistered ? '已备案' : '未备案'),
    ],
  ];

  // Every limit the engine applied, the binding one starred and named: the lowest of them is the quota.
  const limitLine = (l: (typeof decision.quota.limits)[number]) => ({
    text: [
      { text: l.binding ? '★' : '　', color: STAMP_RED, bold: true },
      { text: `${l.label} `, bold: l.binding },
      { text: yuan(l.amountFen), bold: l.binding },
      { text: ` ${clauseNumber(l.id) ?? ''}`, fontSize: 7, color: '#444444' },
      ...(l.binding ? [{ text: ' 控制额度', bold: true, color: STAMP_RED }] : []),
    ],
  });
  const limits = {
    stack: [
      ...decision.quota.limits.map(limitLine),
      {
        text: `可贷额度（取以上最低者）${decision.quota.quotaFen !== null ? yuan(decision.quota.quotaFen) : '—'}；申请金额 ${yuan(dto.requestedFen)}`,
        bold: true,
      },
    ],
    style: 'value',
    fontSize: 8.5,
  };

  const loanRows: unknown[][] = [
    [
      sectionCell('贷款', 0),
      label('核定金额'),
      value(yuan(amountFen), { bold: true }),
      label('金额大写'),
      value(upper(amountFen), { bold: true }),
      label('贷款期限'),
      value(termText(plan.months)),
    ],
    [covered(), label('年利率'), ...span(value([{ text: `${plan.annualRatePercent}%`, bold: true }, { text: `（依据：${plan.rateBasis}）`, fontSize: 8.5 }]), 3), label('还款方式'), value(METHOD_LABELS[plan.method])],
    [covered(), label('月还款额'), value(paymentText(plan), { bold: true }), label('利息总额'), value(yuan(totals.interestFen)), label('还款总额'), value(yuan(totals.paymentFen))],
    [covered(), label('额度测算'), ...span(limits, 5)],
  ];
  if (facts.guarantee || center.id === 'urumqi') {
    loanRows.push([covered(), label('担保方式'), ...span(value(facts.guarantee ? guaranteeText(facts.guarantee, developer) : '未选择', { bold: true }), 5)]);
  }
  if (decision.postConditions.length) {
    loanRows.push([covered(), label('办理要求'), ...span({ stack: decision.postConditions.map((c) => ({ text: `· ${c.text}` })), style: 'value', fontSize: 8.5 }, 5)]);
  }
  const unsigned = { color: '#666666', fontSize: 8.5 };
  loanRows.push([
    covered(),
    label('合同编号'),
    value(dto.contract?.contractNo ?? '（签约后填写）', dto.contract ? { bold: true } : unsigned),
    label('抵押登记'),
    ...span(value(dto.contract?.mortgageRegNo || (dto.mortgageRegistration?.required === false ? '不适用（本担保方式不办理抵押登记）' : '（抵押登记后填写）'), dto.contract ? {} : unsigned), 3),
  ]);
  (loanRows[0]![0] as Record<string, unknown>).rowSpan = loanRows.length;

  const passed = decision.trace.filter((t) => t.outcome === 'passed');
  // Small print run together: twenty clauses one to a line would take a third of the sheet.
  const basis = {
    text: [
      { text: '政策依据（审查通过的规则条款）：', bold: true },
      ...passed.map((t, i) => `${basisItem(t)}${i < passed.length - 1 ? '；' : '。'}`),
      `${basisDocuments(passed)}；政策日期：${decision.policyDate}`,
    ],
    style: 'basis',
  };
  const checks: unknown[][] = [[sectionCell('依据', 1), ...span(basis, 6)]];

  const main = grid(GRID_W, [...borrower, ...spouse, ...houseRows, ...loanRows, ...checks], { layout: TIGHT });
  const signs = grid(
    [18, '*', '*', '*'],
    [
      [sectionCell('审批', 2), signCell('经办人', dto.submitted), signCell('复核人', dto.reviewed, signOffOpinion(dto, 'review')), signCell('审批人', dto.approved, signOffOpinion(dto, 'approve'))],
      [
        covered(),
        {
          stack: [
            // 003 注②: 申请人必须“诚信申贷” — the declaration the borrower signs (rule yc.flow.honestDeclaration).
            ...(center.id === 'yinchuan' ? [{ text: '诚信申贷：本人保证所提供的材料真实、完整和有效。', fontSize: 8 }] : []),
            { text: '借款人签字：' },
            { text: `日期：${BLANK_DATE}`, margin: [0, center.id === 'yinchuan' ? 8 : 16, 0, 0] },
          ],
          margin: [0, 1, 0, 1],
        },
        { stack: [{ text: dto.spouse ? '配偶签字：' : '共同借款人签字：' }, { text: `日期：${BLANK_DATE}`, margin: [0, 16, 0, 0] }], margin: [0, 1, 0, 1] },
        {
          stack: [{ text: '单位意见（盖章）：' }, { text: '借款人月固定收入＿＿＿＿＿＿元', fontSize: 8.5, margin: [0, 4, 0, 0] }, { text: `日期：${BLANK_DATE}`, margin: [0, 4, 0, 0] }],
          margin: [0, 1, 0, 1],
        },
      ],
    ],
    // The sign-off block never splits: if anything pushes it off the sheet it moves whole.
    { layout: TIGHT_CONTINUED, unbreakable: true, fontSize: 9.5, lineHeight: 1 },
  );

  const meta = {
    columns: [
      { text: `申请编号：${dto.appNo}`, style: 'meta', bold: true, width: 'auto' },
      { text: `受理网点：${branch?.name ?? dto.branchCode}`, style: 'meta', alignment: 'center', width: '*' },
      { text: `受理日期：${cnDate(dto.submitted?.at ?? dto.created.at)}`, style: 'meta', alignment: 'right', width: 'auto' },
    ],
    columnGap: 8,
    margin: [0, 0, 0, 4],
  };

  return {
    title: titleText(formName, env.reprint),
    doc: {
      content: [formHeader({ centerName: center.name, title: formName, reprint: env.reprint, qrText: dto.appNo }), meta, main, signs, ...ruleIdAppendix(passed, env.ruleIds)],
      header: reprintHeader(env.reprint, env.printedAt),
      footer: formFooter(env, dto.appNo, `本表由${center.name}留存归档。借款人及配偶对所填信息及所交材料的真实性负责。咨询电话：${center.hotline}`),
      styles: STYLES,
      pageMargins: FORM_PAGE_MARGINS,
    },
  };
}
