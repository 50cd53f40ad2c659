/**
 * The center's own withdrawal form — 银川《银川住房公积金转账支取凭证》 / 乌鲁木齐《申请支取住房公积金审批表》 — as the
 * archive copy of a submitted application: who, why, how much (figures and 大写), where the money goes, what was
 * received, which rules it passed, and the 经办 / 复核 / 审批 sign-offs.
 *
 * ID number: printed IN FULL here. This copy stays in the center's archive (it is the document the member and the
 * employer sign and stamp, and the auditors match it to the ID card copy filed with it), so the masked form would
 * defeat its purpose. Forms the applicant takes home (告知书, 回单) print it masked — see docs/printing.md.
 */
import type { WithdrawalAppDto } from '../../shared/contract/dto';
import { AppError } from '../../shared/errors';
import {
  atText,
  BLANK_DATE,
  BLANK_SIGN,
  cnDate,
  covered,
  FORM_PAGE_MARGINS,
  FORM_STYLES,
  formFooter,
  GRID_CONTINUED,
  formHeader,
  grid,
  label,
  number,
  payeeKindText,
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
import { basisDocuments, basisItem, ruleIdAppendix } from './basis';

/** 003: printed in the employer's box of the 银川 voucher. */
export const UNIT_IDENTITY_DUTY = '职工所在单位初审时必须确认提取人的真实身份，否则由此造成职工公积金被冒领的后果，由职工所在单位承担全部责任。';
/** 003 提取程序1: “住房公积金托管专户的职工直接向银川住房公积金管理中心及其分中心提出提取申请” — printed instead of the unit's duty. */
export const CUSTODY_DIRECT = '本职工属住房公积金托管专户，直接向中心及其分中心提出提取申请，无需单位初审盖章。';

/** Before submission nothing has been decided; a cancelled or returned one has no amount anyone signed for. */
const NOT_PRINTABLE = ['草稿', '退回', '撤销'] as const;

export function assertVoucherPrintable(dto: WithdrawalAppDto, formName: string): void {
  if ((NOT_PRINTABLE as readonly string[]).includes(dto.state) || dto.approvedFen === null) {
    throw new AppError(
      'RULE',
      `申请${dto.appNo}当前为“${dto.state}”，《${formName}》须在提交复核后才能打印；材料不全的草稿请打印一次性告知书`,
    );
  }
}

const GRID_W = [18, 66, '*', 66, '*'];

function signCell(role: string, s: WithdrawalAppDto['submitted']): Record<string, unknown> {
  if (!s) {
    return { stack: [{ text: `${role}：${BLANK_SIGN}` }, { text: `日期：${BLANK_DATE}`, margin: [0, 4, 0, 0] }], margin: [0, 3, 0, 3] };
  }
  return { stack: [{ text: `${role}：${s.name}`, bold: true }, { text: `时间：${atText(s.at)}`, margin: [0, 4, 0, 0] }], margin: [0, 3, 0, 3] };
}

export function voucherDocument(dto: WithdrawalAppDto, env: PrintEnv): FormDocument {
  const center = env.center;
  const formName = center.forms.withdrawalVoucher;
  const branch = center.branches.find((b) => b.code === dto.branchCode);
  const decision = dto.decision;
  const paid = dto.paidAmountFen !== null;
  // Once paid, the figure is what left the fund (a 销户 includes interest to the pay day); before, what was approved.
  const amountFen = paid ? dto.paidAmountFen! : dto.approvedFen!;
  const closes = decision?.closesAccount ?? false;
  const spouseDrawn = decision?.sources.some((s) => s.holder === 'spouse') ?? false;

  const member: unknown[][] = [
    [sectionCell('职工信息', 0), label('职工姓名'), value(dto.member.name, { bold: true }), label('证件号码'), number(dto.member.idNumber)],
    [covered(), label('个人账号'), number(dto.member.accountNo), label('联系电话'), number(dto.member.phone)],
    [covered(), label('单位名称'), value(dto.member.employerName), label('单位账号'), number(dto.member.employerAccountNo)],
  ];
  if (dto.spouse) {
    // The spouse is not the applicant: name, account and masked ID identify the second account on one row.
    member.push([
      covered(),
      label('配偶'),
      value([{ text: `${dto.spouse.name}${spouseDrawn ? '（同时提取）' : ''}` }, { text: `\n${dto.spouse.idNumberMasked}`, fontSize: 9 }]),
      label('配偶账号'),
      number(dto.spouse.accountNo),
    ]);
  }
  (member[0]![0] as Record<string, unknown>).rowSpan = member.length;

  const withdrawal: unknown[][] = [
    [sectionCell('提取信息', 0), label('提取原因'), ...span(value(dto.caseName, { bold: true }), 3)],
    [covered(), label('是否销户'), value(closes ? '是（销户提取，本息一并支付）' : '否（部分提取）'), label('金额（小写）'), value(yuan(amountFen), { bold: true })],
    [covered(), label('金额（大写）'), ...span(value(upper(amountFen), { bold: true }), 3)],
  ];
  if (paid) {
    withdrawal.push([covered(), label('支付凭证号'), number(dto.paidEntryNo ?? ''), label('其中销户利息'), value(yuan(dto.interestFen ?? 0))]);
  } else if (closes) {
    withdrawal.push([covered(), label('说明'), ...span(value('销户提取按支付当日结息，实付金额以支付回单为准', { style: 'note' }), 3)]);
  }
  if (spouseDrawn && decision) {
    const sources = decision.sources.filter((s) => s.amountFen > 0).map((s) => `${s.label} ${yuan(s.amountFen)}`).join('；');
    withdrawal.push([covered(), label('资金来源'), ...span(value(sources, { style: 'note' }), 3)]);
  }
  if (dto.reversal?.entryNo) {
    withdrawal.push([covered(), label('冲正'), ...span(value(`已冲正，冲正凭证号 ${dto.reversal.entryNo}；原因：${dto.reversal.reason}`, { color: STAMP_RED, bold: true }), 3)]);
  }
  (withdrawal[0]![0] as Record<string, unknown>).rowSpan = withdrawal.length;

  // The bank's full name runs long (中国建设银行股份有限公司乌鲁木齐分行): bank and account each get a whole row.
  const payee: unknown[][] = [
    [sectionCell('收款', 3), label('收款户名'), value(dto.payee.accountName), label('收款类型'), value(payeeKindText(dto.payee.kind))],
    [covered(), label('开户银行'), ...span(value(dto.payee.bankName), 3)],
    [covered(), label('收款账号'), ...span(number(dto.payee.accountNo, { bold: true }), 3)],
  ];

  const received = dto.materials.map((m) => ({ text: `${m.seen ? '✓' : '□'} ${m.text}`, margin: [0, 1, 0, 1] }));
  const passed = (decision?.trace ?? []).filter((t) => t.outcome === 'passed');
  const basis = [
    ...passed.map((t) => ({ text: basisItem(t), style: 'basis' })),
    { text: `${basisDocuments(passed)}　政策日期：${decision?.policyDate ?? '—'}`, style: 'basis', margin: [0, 2, 0, 0] },
  ];
  const checks: unknown[][] = [
    [sectionCell('材料', 1), label('已收材料'), ...span({ stack: received.length ? received : [{ text: '—' }], style: 'value' }, 3)],
    [sectionCell('依据', 1), label('政策依据\n（通过的\n规则条款）', { fontSize: 9 }), ...span({ stack: basis }, 3)],
  ];

  const main = grid(GRID_W, [...member, ...withdrawal, ...payee, ...checks]);
  const signs = grid(
    [18, '*', '*', '*'],
    [
      [sectionCell('审批签署', 3), label('经办（受理）'), label('复核'), label('审批')],
      [covered(), signCell('经办人', dto.submitted), signCell('复核人', dto.reviewed), signCell('审批人', dto.approved)],
      [
        covered(),
        { stack: [{ text: '申请人签字：' }, { text: `日期：${BLANK_DATE}`, margin: [0, 12, 0, 0] }], margin: [0, 2, 0, 2] },
        ...span(
          {
            stack: [
              { text: '单位意见（盖章）：' },
              // 003 提取程序1: the employer's responsibility for checking the applicant's identity (rule yc.flow.unitIdentityCheck);
              // a member of the 住房公积金托管专户 applies directly to the center, with no unit review (same clause).
              ...(env.center.id === 'yinchuan' ? [{ text: dto.member.custody ? CUSTODY_DIRECT : UNIT_IDENTITY_DUTY, fontSize: 8 }] : []),
              { text: `日期：${BLANK_DATE}`, margin: [0, env.center.id === 'yinchuan' ? 4 : 12, 0, 0], alignment: 'right' },
            ],
            margin: [0, 2, 0, 2],
          },
          2,
        ),
      ],
    ],
    // The sign-off block never splits: on a long application it moves to the next sheet whole.
    { layout: GRID_CONTINUED, unbreakable: true },
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
      content: [
        formHeader({ centerName: center.name, title: formName, reprint: env.reprint, qrText: dto.appNo }),
        meta,
        main,
        signs,
        ...ruleIdAppendix(passed, env.ruleIds),
      ],
      header: reprintHeader(env.reprint, env.printedAt),
      footer: formFooter(env, dto.appNo, `本表由${center.name}留存归档。申请人对所填信息及所交材料的真实性负责。咨询电话：${center.hotline}`),
      styles: FORM_STYLES,
      pageMargins: FORM_PAGE_MARGINS,
    },
  };
}
