/**
 * A loan (贷款) application: borrower and spouse ledger facts, the house, the amount and term asked for, and the
 * guarantee. `caseId` is the house type of the center's loan catalogue (新建商品房, 二手房, 建造 …).
 */
import { z } from 'zod';
import { MAX_SCHEDULE_MONTHS } from '../loan/schedule';
import { MaritalStatus, PersonSchema } from './personSchema';
import { Count, DateString, Fen, PercentText, Year } from './primitives';

/** Marks a section whose name prefixes its fields' labels in error messages (职工 + 姓名 = 职工姓名). */
const prefixed = <T extends z.ZodType>(schema: T, description: string): T => schema.meta({ description, labelPrefix: true }) as T;

export const LoanHouseSchema = z.strictObject({
  priceFen: Fen.describe('购房总价或工程预算总价（分）'),
  areaSqm: PercentText.optional().describe('建筑面积（平方米）'),
  contractDate: DateString.optional().describe('购房合同签订日期'),
  contractRegistered: z.boolean().default(false).describe('购房合同已经房屋产权管理部门备案'),
  downPaymentInvoice: z.boolean().default(false).describe('有首付款发票'),
  presale: z.boolean().default(false).describe('预售楼盘'),
  toppedOut: z.boolean().default(false).describe('预售楼盘已封顶'),
  transferred: z.boolean().default(false).describe('已过户到借款人名下'),
  certificateDate: DateString.optional().describe('不动产权证书登记日期'),
  buildYear: Year.optional().describe('房屋竣工（建成）年份'),
  borrowerIsBuyer: z.boolean().default(false).describe('借款人是买受人（购房人）或房屋所有权人'),
  local: z.boolean().default(true).describe('所购住房在本市辖区内'),
  mortgageRegistrable: z.boolean().default(true).describe('可办理预抵押或抵押登记'),
  coOwnership: z.boolean().default(false).describe('共有产权'),
  taxInvoiceLacksSeller: z.boolean().default(false).describe('契税发票无卖房人信息和计税金额'),
  sellerSignedInAdvance: z.boolean().default(false).describe('卖方已在申请环节在《放款凭证》上签字'),
  fullPaymentProof: z.boolean().default(false).describe('借款人已提供支付全额房款的凭证'),
});

export const PropertyCollateralSchema = z.strictObject({
  appraisalFen: Fen.describe('评估价值（分）'),
  buildYear: Year.describe('房屋修建年份'),
  local: z.boolean().default(true).describe('在乌鲁木齐市辖区内'),
});

export const GuaranteeSchema = z.strictObject({
  type: z
    .enum(['company', 'developer', 'property', 'pfJoint', 'naturalPerson', 'pledge'], {
      error: '应为 company、developer、property、pfJoint、naturalPerson 或 pledge',
    })
    .describe('担保方式'),
  properties: z.array(PropertyCollateralSchema).default([]).describe('抵押房产'),
  jointGuarantors: z
    .array(
      z.strictObject({
        name: z.string().min(1, { error: '不能为空' }).describe('姓名'),
        pledgedFen: Fen.describe('担保的公积金金额（分）'),
        memberId: z.int({ error: '应为整数' }).positive({ error: '编号不正确' }).optional().describe('联保人职工编号（本中心账户，按账簿核对）'),
      }),
    )
    .default([])
    .describe('联保人'),
  naturalPersons: Count.default(0).describe('自然人保证人人数'),
  pledgeValueFen: Fen.optional().describe('质物价值（分）'),
});

export const LoanApplicationSchema = z.strictObject({
  center: z.enum(['yinchuan', 'urumqi'], { error: '应为 yinchuan（银川）或 urumqi（乌鲁木齐）' }).describe('公积金中心'),
  kind: z.literal('loan', { error: '应为 loan' }).default('loan').describe('业务类型'),
  caseId: z.string().min(1, { error: '请选择购房类型' }).describe('贷款购房类型'),
  applicationDate: DateString.describe('申请日期'),
  applicationId: z.string().optional().describe('申请编号'),
  borrower: prefixed(PersonSchema, '借款人'),
  spouse: prefixed(PersonSchema.optional(), '配偶'),
  spouseCoApplicant: z.boolean().default(false).describe('配偶为共同申请人'),
  maritalStatus: MaritalStatus.default('single'),
  agriculturalHukou: z.boolean().default(false).describe('农业户口'),
  divorce: z
    .strictObject({
      date: DateString.describe('离婚日期'),
      exReusedWithinYear: z.boolean().default(false).describe('前配偶在离异后一年内已再次使用公积金贷款'),
      liftFormFiled: z.boolean().default(false).describe('已填写《解除个人公积金账户贷款限制申请表》'),
    })
    .optional()
    .describe('离异情况'),
  familyMonthlyIncomeFen: Fen.optional().describe('家庭月收入（分）'),
  children: Count.optional().describe('子女人数'),
  house: LoanHouseSchema.describe('房屋'),
  downPaymentFen: Fen.describe('已付首付款（分）'),
  requestedFen: Fen.min(1, { error: '须大于0' }).describe('申请贷款金额（分）'),
  months: z
    .int({ error: '应为整数' })
    .min(1, { error: '至少1个月' })
    .max(MAX_SCHEDULE_MONTHS, { error: `不超过${MAX_SCHEDULE_MONTHS}个月` })
    .describe('贷款期限（月）'),
  method: z
    .enum(['annuity', 'linear', 'lump'], { error: '应为 annuity（等额本息）、linear（等额本金）或 lump（一次性还本付息）' })
    .default('annuity')
    .describe('还款方式'),
  guarantee: GuaranteeSchema.optional().describe('担保'),
  conversion: prefixed(
    z
      .strictObject({
        preReviewPassed: z.boolean().default(false).describe('预审已通过'),
        commercialSettledDate: DateString.describe('原商业贷款结清日期'),
      })
      .optional(),
    '商转公',
  ),
  approval: z
    .strictObject({
      approvedDate: DateString.describe('贷款审批通过日期'),
      disbursementDate: DateString.optional().describe('办理放款日期'),
    })
    .optional()
    .describe('审批与放款'),
  stableIncome: z.boolean().default(false).describe('有长期稳定的经济收入，具有偿还贷款本息的能力'),
  subsidized: z.boolean().default(false).describe('贴息贷款'),
  goodCredit: z.boolean().default(false).describe('信用良好'),
  incomeCertDate: DateString.optional().describe('单位收入证明（审批书盖章）日期'),
});

export type LoanApplication = z.infer<typeof LoanApplicationSchema>;
export type LoanApplicationInput = z.input<typeof LoanApplicationSchema>;
export type LoanHouse = z.infer<typeof LoanHouseSchema>;
export type Guarantee = z.infer<typeof GuaranteeSchema>;
