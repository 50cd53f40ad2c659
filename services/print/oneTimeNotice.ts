/**
 * 一次性告知书: when an application lacks materials, the clerk tells the applicant everything still needed at once,
 * in writing — matter, applicant, phone, "经审查，你提交的……需补交或修改的材料如下：", the list, the numbers to call,
 * the signer and the date, issued in the center's name.
 *
 * ID number: printed MASKED (640104********1234). The applicant takes this sheet home and shows it around (to the
 * employer, the landlord, the bank), so it must not carry the full number; name, account number and the
 * application number identify the case when they come back.
 */
import type { WithdrawalAppDto } from '../../shared/contract/dto';
import { AppError } from '../../shared/errors';
import {
  BLANK_DATE,
  BLANK_SIGN,
  cnDate,
  CONTENT_WIDTH,
  FORM_PAGE_MARGINS,
  FORM_STYLES,
  formFooter,
  formHeader,
  grid,
  label,
  number,
  reprintHeader,
  span,
  titleText,
  value,
  type FormDocument,
  type PrintEnv,
} from './formKit';

export const NOTICE_TITLE = '住房公积金业务一次性告知书';

/** Only an application still with the clerk (草稿, or 退回 for correction) can be missing materials. */
export function assertNoticePrintable(dto: { appNo: string; state: string; missingMaterials: readonly string[] }): void {
  if (dto.state !== '草稿' && dto.state !== '退回') {
    throw new AppError('RULE', `申请${dto.appNo}当前为“${dto.state}”，一次性告知书只在草稿或退回修改时打印`);
  }
  if (dto.missingMaterials.length === 0) {
    throw new AppError('RULE', `申请${dto.appNo}的材料已收齐，无需出具一次性告知书，请直接提交复核`);
  }
}

/**
 * What the notice says about an application, whatever its kind: the withdrawal notice and the loan notice
 * (loanNotice.ts) are the same sheet with a different 事项 and business name.
 */
export interface NoticeSubject {
  appNo: string;
  branchCode: string;
  /** 事项, e.g. 住房公积金提取——房租支出超出家庭工资收入15%. */
  matter: string;
  /** The business named in the body: 住房公积金提取 or 住房公积金贷款. */
  business: string;
  applicant: { name: string; idNumberMasked: string; phone: string; accountNo: string };
  created: { name: string; at: string };
  missingMaterials: readonly string[];
  /** A center's standing note on the materials (乌鲁木齐: originals unless a copy is stated, copies on A4). */
  materialsNote?: string;
}

/**
 * 004 二、基本规定: "提取业务所需资料中未注明复印件的,提供原件;注明或需要提供复印件的,复印件使用A4纸张复印。" — printed under the list
 * of every 乌鲁木齐 withdrawal notice. The seed says it of 提取业务 only; 银川's seed has no such note.
 */
export function withdrawalMaterialsNote(centerId: string): string | undefined {
  return centerId === 'urumqi' ? '提取业务所需资料中未注明复印件的，提供原件；注明或需要提供复印件的，复印件使用A4纸张复印。' : undefined;
}

export function noticeDocument(dto: WithdrawalAppDto, env: PrintEnv): FormDocument {
  return noticeLayout(
    {
      appNo: dto.appNo,
      branchCode: dto.branchCode,
      matter: `住房公积金提取——${dto.caseName}`,
      business: '住房公积金提取',
      applicant: dto.member,
      created: dto.created,
      missingMaterials: dto.missingMaterials,
      ...(withdrawalMaterialsNote(env.center.id) ? { materialsNote: withdrawalMaterialsNote(env.center.id)! } : {}),
    },
    env,
  );
}

export function noticeLayout(dto: NoticeSubject, env: PrintEnv): FormDocument {
  const center = env.center;
  const branch = center.branches.find((b) => b.code === dto.branchCode);
  // The hotline and the branch's own desk; one number when they are the same (the head office answers 12329).
  const phones = [`服务热线 ${center.hotline}`];
  if (branch?.phone && branch.phone !== center.hotline) phones.push(`${branch.name} ${branch.phone}`);
  const signer = env.operator.name || dto.created.name;

  const facts = grid([72, '*', 72, '*'], [
    [label('事　　项'), ...span(value(dto.matter, { bold: true }), 3)],
    [label('申 请 人'), value(dto.applicant.name, { bold: true }), label('证件号码'), number(dto.applicant.idNumberMasked)],
    [label('联系电话'), number(dto.applicant.phone), label('个人账号'), number(dto.applicant.accountNo)],
    [label('受理网点'), value(branch?.name ?? dto.branchCode), label('受理日期'), value(cnDate(dto.created.at))],
  ]);

  // A loan draft lacks nine or more documents at first; the blank space between the blocks then shrinks so the
  // notice and its 签收 stub stay on one sheet.
  const long = dto.missingMaterials.length > 6;
  const gap = (pt: number) => (long ? Math.round(pt * 0.45) : pt);
  const list = grid(
    [36, '*'],
    [
      [label('序号'), label('需补交或修改的材料')],
      ...dto.missingMaterials.map((m, i) => [value(`${i + 1}`, { alignment: 'center' }), value(m, long ? { fontSize: 10, lineHeight: 1.15 } : {})]),
    ],
    { margin: [0, 4, 0, 0] },
  );

  return {
    title: titleText(NOTICE_TITLE, env.reprint),
    doc: {
      content: [
        formHeader({
          centerName: center.name,
          title: NOTICE_TITLE,
          reprint: env.reprint,
          qrText: dto.appNo,
          under: [{ text: `编号：${dto.appNo}`, style: 'meta', alignment: 'center', margin: [0, 4, 0, 0] }],
        }),
        facts,
        { text: `${dto.applicant.name}：`, margin: [0, gap(14), 0, 4], fontSize: 11.5 },
        { text: `经审查，你提交的${dto.business}申请需补交或修改的材料如下：`, margin: [22, 0, 0, 0], fontSize: 11.5 },
        list,
        ...(dto.materialsNote ? [{ text: `注：${dto.materialsNote}`, margin: [22, 4, 0, 0], fontSize: 10 }] : []),
        {
          text: `以上共${dto.missingMaterials.length}项，已一次性告知。请补齐后携带本告知书及已提交的材料到${branch?.name ?? center.name}办理；材料齐全后即可提交审批。`,
          margin: [22, gap(8), 0, 0],
        },
        { text: `咨询电话：${phones.join('；')}`, margin: [22, gap(8), 0, 0] },
        {
          columns: [
            { text: `经办人：${signer}`, width: '*' },
            { text: `日期：${cnDate(env.today)}`, width: 'auto' },
          ],
          margin: [22, gap(18), 0, 0],
        },
        { text: `${center.name}（盖章）`, alignment: 'right', margin: [0, gap(26), 0, 0], bold: true },
        {
          // The tear-off 签收 stub stays in one piece: on a very long list it moves to the next sheet whole.
          unbreakable: true,
          stack: [
            {
              canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, dash: { length: 4, space: 3 }, lineWidth: 0.6 }],
              margin: [0, gap(26), 0, 4],
            },
            { text: '申请人签收', bold: true, alignment: 'center', margin: [0, 2, 0, 6] },
            { text: `本人已收到编号 ${dto.appNo} 的一次性告知书，知悉需补交的材料。` },
            {
              columns: [
                { text: `申请人签字：${BLANK_SIGN}`, width: '*' },
                { text: `日期：${BLANK_DATE}`, width: 'auto' },
              ],
              margin: [0, 14, 0, 0],
            },
          ],
        },
      ],
      header: reprintHeader(env.reprint, env.printedAt),
      footer: formFooter(env, dto.appNo),
      styles: FORM_STYLES,
      pageMargins: FORM_PAGE_MARGINS,
    },
  };
}
