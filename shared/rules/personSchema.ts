/**
 * A member's (or spouse's) facts as the ledger supplies them. The application carries them in full so that a
 * decision can be re-run from the JSON alone, years later, without the database.
 */
import { z } from 'zod';
import { isValidIdNumber } from '../idcard';
import { Count, DateString, Fen, PercentText } from './primitives';

export const AccountStatus = z.enum(['正常', '封存', '销户'], { error: '应为 正常、封存 或 销户' });

/** One provident-fund loan in the person's history (at this center or, if `remote`, at another). */
export const PfLoanSchema = z
  .strictObject({
    loanId: z.string().min(1, { error: '不能为空' }).describe('贷款编号'),
    status: z.enum(['unpaid', 'settled'], { error: '应为 unpaid（未结清）或 settled（已结清）' }).describe('贷款状态'),
    role: z
      .enum(['borrower', 'coBorrower'], { error: '应为 borrower（主借款人）或 coBorrower（共同借款人）' })
      .default('borrower')
      .describe('贷款中的身份'),
    remote: z.boolean().default(false).describe('异地贷款（在其他公积金中心取得）'),
    withExSpouse: z.boolean().default(false).describe('与前配偶在婚姻存续期间共同使用'),
    debtAssignedToEx: z.boolean().default(false).describe('离婚后贷款债务归前配偶（主贷方）'),
    disbursedDate: DateString.optional().describe('放款日期'),
    settledDate: DateString.optional().describe('结清日期'),
    overdueNow: z.boolean().default(false).describe('当前存在逾期'),
    maxConsecutiveOverdue: Count.default(0).describe('最长连续逾期期数'),
    totalOverdueTerms: Count.default(0).describe('累计逾期期数'),
    lastOverdueClearedDate: DateString.optional().describe('最后一期逾期款项清偿日期'),
    restrictionLiftFiled: z.boolean().default(false).describe('已填写《解除个人公积金账户贷款限制申请表》'),
  })
  .refine((l) => l.status !== 'settled' || l.settledDate !== undefined, {
    error: '已结清的贷款须填写结清日期',
    path: ['settledDate'],
  });

/** A withdrawal already made, as the ledger records it; `ref` ties it to a house or a loan contract. */
export const WithdrawalRecordSchema = z.strictObject({
  caseId: z.string().min(1, { error: '不能为空' }).describe('提取原因'),
  date: DateString.describe('提取日期'),
  amountFen: Fen.describe('提取金额（分）'),
  ref: z.string().optional().describe('房屋或贷款合同编号'),
});

export const CreditReportSchema = z.strictObject({
  reportDate: DateString.optional().describe('出具日期'),
  maxConsecutiveOverdue5y: Count.describe('五年内最长连续逾期期数'),
  totalOverdue5y: Count.describe('五年内累计逾期期数'),
});

/**
 * 失信惩戒 as checked evidence (004 一、(一)申请人处于失信惩戒期内的,不可提取本人住房公积金): against what the counter checked
 * the person, the result, and who checked when (the service stamps the operator and the time, not the caller).
 */
export const DishonestCheckSchema = z.strictObject({
  source: z.string().trim().min(2, { error: '请填写查询来源（如 信用中国、全国法院失信被执行人名单）' }).max(60).describe('查询来源'),
  result: z.enum(['clear', 'listed'], { error: '应为 clear（未列入）或 listed（处于失信惩戒期）' }).describe('查询结果'),
  reference: z.string().max(60).optional().describe('查询记录编号'),
  checkedBy: z.string().optional().describe('查询人'),
  checkedAt: z.string().optional().describe('查询时间'),
});

/**
 * Contribution at another center, from the papers that center issued (003 6、宁夏区内异地缴存住房公积金的职工 … 须在当地公积金管理中心
 * 开具职工住房公积金缴存证明和明细流水账、信用情况证明及异地购房贷款职工公积金提取协议;(有效期限为一个月)).
 */
export const RemoteContributionSchema = z.strictObject({
  place: z.enum(['province', 'elsewhere'], { error: '应为 province（区内异地）或 elsewhere（区外）' }).describe('缴存地'),
  centerName: z.string().trim().min(2, { error: '请填写缴存地公积金中心' }).max(40).describe('缴存地公积金中心'),
  certificateDate: DateString.describe('缴存证明出具日期'),
  agreementDate: DateString.optional().describe('异地购房贷款职工公积金提取协议日期'),
  balanceFen: Fen.describe('缴存证明载明的账户余额（分）'),
  continuousMonths: Count.describe('缴存证明载明的连续缴存月数'),
  openedDate: DateString.optional().describe('缴存证明载明的开户日期'),
  monthlyDepositFen: Fen.optional().describe('缴存证明载明的月缴存额（分）'),
  baseFen: Fen.optional().describe('缴存证明载明的缴存基数（分）'),
  recordedBy: z.string().optional().describe('录入人'),
  recordedAt: z.string().optional().describe('录入时间'),
});

export const PersonSchema = z
  .strictObject({
    name: z.string().min(1, { error: '不能为空' }).describe('姓名'),
    idNumber: z
      .string()
      .refine(isValidIdNumber, { error: '不是有效的18位居民身份证号码' })
      .optional()
      .describe('证件号码'),
    birthDate: DateString.optional().describe('出生日期'),
    sex: z.enum(['M', 'F'], { error: '应为 M（男）或 F（女）' }).optional().describe('性别'),
    accountStatus: AccountStatus.describe('账户状态'),
    balanceFen: Fen.describe('账户余额（分）'),
    accruedInterestFen: Fen.default(0).describe('截至申请日的应计利息（分）'),
    openedDate: DateString.optional().describe('开户日期'),
    continuousMonths: Count.default(0).describe('截至申请月连续足额缴存月数'),
    contributionRatioPercent: PercentText.optional().describe('缴存比例（%）'),
    sealedSince: DateString.optional().describe('封存日期'),
    contributionPlace: z
      .enum(['local', 'province', 'elsewhere'], { error: '应为 local（本中心）、province（区内异地）或 elsewhere（区外）' })
      .default('local')
      .describe('缴存地'),
    monthlyIncomeFen: Fen.optional().describe('月收入（分）'),
    loans: z.array(PfLoanSchema).default([]).describe('住房公积金贷款记录'),
    withdrawals: z.array(WithdrawalRecordSchema).default([]).describe('已办理的提取'),
    dishonest: z.boolean().default(false).describe('处于失信惩戒期'),
    custodyAccount: z.boolean().default(false).describe('住房公积金托管专户的职工'),
    remoteContribution: RemoteContributionSchema.optional().meta({ description: '异地缴存', labelPrefix: true }),
    dishonestCheck: DishonestCheckSchema.optional().meta({ description: '失信惩戒查询', labelPrefix: true }),
    credit: CreditReportSchema.optional().meta({ description: '个人信用报告', labelPrefix: true }),
    falseInfoBanUntil: DateString.optional().describe('因提供虚假信息限制申请贷款至'),
  });

export type Person = z.infer<typeof PersonSchema>;
export type PfLoan = z.infer<typeof PfLoanSchema>;
export type RemoteContribution = z.infer<typeof RemoteContributionSchema>;
export type WithdrawalRecord = z.infer<typeof WithdrawalRecordSchema>;

export const MaritalStatus = z
  .enum(['single', 'married', 'divorced', 'widowed'], { error: '应为 single（未婚）、married（已婚）、divorced（离异）或 widowed（丧偶）' })
  .describe('婚姻状况');

export const ApplicantSchema = z.strictObject({
  role: z
    .enum(['self', 'agent', 'relativeAgent', 'guardian', 'heir', 'legatee'], {
      error: '应为 self、agent、relativeAgent、guardian、heir 或 legatee',
    })
    .default('self')
    .describe('身份'),
  name: z.string().optional().describe('姓名'),
  payToAgentCard: z.boolean().default(false).describe('资金转入受托人或他人银行卡'),
});
