/**
 * A withdrawal (提取) application: the member's ledger facts plus what the clerk records for the chosen case.
 * Sections a case does not need stay absent; the case catalogue says which fields each case asks for.
 */
import { z } from 'zod';
import { ApplicantSchema, MaritalStatus, PersonSchema } from './personSchema';
import { Count, DateString, Fen, PercentText, Year } from './primitives';

/** Marks a section whose name prefixes its fields' labels in error messages (职工 + 姓名 = 职工姓名). */
const prefixed = <T extends z.ZodType>(schema: T, description: string): T => schema.meta({ description, labelPrefix: true }) as T;

export const WithdrawalHouseSchema = z.strictObject({
  houseId: z.string().optional().describe('房屋编号（不动产权证号或合同编号）'),
  type: z
    .enum(['new', 'secondHand', 'auction', 'collective', 'reform'], {
      error: '应为 new（新建商品房/经济适用房）、secondHand（二手房）、auction（拍卖房）、collective（集资建房）或 reform（房改房）',
    })
    .optional()
    .describe('所购住房类型'),
  remote: z.boolean().default(false).describe('住房在外地（异地）'),
  residential: z.boolean().optional().describe('合同载明房屋用途为住宅（自住）'),
  priceFen: Fen.optional().describe('购房总价（分）'),
  costFen: Fen.optional().describe('建造、翻建或大修费用（分）'),
  areaSqm: PercentText.optional().describe('建筑面积（平方米）'),
  buildYear: Year.optional().describe('建成年份'),
  contractDate: DateString.optional().describe('购房合同签订日期'),
  contractRegistered: z.boolean().default(false).describe('购房合同已经房地产行政主管部门备案'),
  paymentProof: z.boolean().default(false).describe('有付款凭证'),
  certificateDate: DateString.optional().describe('不动产权证书登记（发证）日期'),
  transferred: z.boolean().default(false).describe('已过户到买受人名下'),
  agreementDate: DateString.optional().describe('集资建房《购房协议》签订日期'),
  reformApprovalDate: DateString.optional().describe('《单位出售公有住房审批表》审批通过日期'),
  landApprovalDate: DateString.optional().describe('国土部门《用地批准书》签发日期'),
  planningPermitDate: DateString.optional().describe('建设工程规划许可证签发日期'),
  appraisalDate: DateString.optional().describe('房屋安全（危房）鉴定书签发日期'),
  rural: z.boolean().default(false).describe('农村房屋'),
  developerFiled: z.boolean().default(false).describe('开发公司已在中心办理备案审核'),
  developerAccountProof: z.boolean().default(false).describe('有开发商售房账户证明'),
  coPurchaseNonFamily: z.boolean().default(false).describe('非家庭关系多人共同购买'),
  otherCoOwnerWithdrew: z.boolean().default(false).describe('其他共有人已就该房申请提取'),
});

export const RepaymentSchema = z.strictObject({
  loanType: z.enum(['pf', 'commercial'], { error: '应为 pf（住房公积金贷款）或 commercial（商业银行住房贷款）' }).describe('贷款类型'),
  loanContractNo: z.string().min(1, { error: '不能为空' }).describe('借款合同编号'),
  contractTotalFen: Fen.optional().describe('合同载明的贷款本息总额（分）'),
  outstandingFen: Fen.optional().describe('尚需偿还的贷款本息（分）'),
  prepaidInFull: z.boolean().default(false).describe('已提前一次性还清贷款'),
  prepaidFen: Fen.optional().describe('一次性归还的本息余额（分）'),
  usedPfAtPrepay: z.boolean().default(false).describe('提前还款时使用了住房公积金'),
});

export const RentSchema = z.strictObject({
  annualRentFen: Fen.describe('年房租总额（分）'),
  familyAnnualIncomeFen: Fen.optional().describe('家庭年工资收入（分）'),
  contractDate: DateString.optional().describe('《房屋租赁合同》签订日期'),
  ownsHomeInCity: z.boolean().optional().describe('本人或配偶在缴存城市有自有住房'),
  noHomeCertDate: DateString.optional().describe('无房证明出具日期'),
  spouseNoHomeCertDate: DateString.optional().describe('配偶无房证明出具日期'),
  genuine: z.boolean().default(false).describe('存在真实的租房行为'),
  publicHousing: z.boolean().default(false).describe('租住公有住房'),
});

export const MedicalSchema = z.strictObject({
  patient: z.enum(['self', 'spouse', 'lineal', 'other'], { error: '应为 self、spouse、lineal（直系血亲）或 other' }).describe('患者与职工关系'),
  seriousIllness: z.boolean().default(false).describe('患重大疾病（有二级以上医院诊断证明）'),
  bills: z
    .array(z.strictObject({ date: DateString.describe('费用日期'), amountFen: Fen.describe('金额（分）') }))
    .default([])
    .describe('医疗费用单据'),
});

export const SituationSchema = z.strictObject({
  retirementProof: z.boolean().default(false).describe('持退休证明（退休证或职工退休审批表）'),
  retirementRecordMismatch: z.boolean().default(false).describe('退休证件记载的姓名、身份证号与身份证不一致'),
  railway: z.boolean().default(false).describe('铁路系统职工'),
  incapacitated: z.boolean().default(false).describe('完全丧失劳动能力'),
  partiallyIncapacitated: z.boolean().default(false).describe('部分丧失劳动能力'),
  laborRelationEnded: z.boolean().default(false).describe('已与单位终止（解除）劳动关系'),
  newEmployer: z.boolean().default(false).describe('已在新单位继续缴存'),
  emigrated: z.boolean().default(false).describe('出境定居'),
  hukouMovedOut: z.boolean().default(false).describe('户口迁出本市'),
  receivingDibao: z.boolean().default(false).describe('正在领取城镇最低生活保障金'),
  disasterAppraisal: z.boolean().default(false).describe('持突发事件鉴定书'),
  severeHardship: z.boolean().default(false).describe('造成家庭生活严重困难'),
  migrantWorker: z.boolean().default(false).describe('进城务工人员'),
  unemployedSince: DateString.optional().describe('下岗、失业日期'),
  reemployed: z.boolean().default(false).describe('已再就业'),
  sentenced: z.boolean().default(false).describe('在职期间触犯刑律被判刑'),
  judicialEnforcement: z.boolean().default(false).describe('涉及司法机关执行住房公积金'),
  authenticityFlags: z
    .array(
      z.enum(['repeatedMarriageChange', 'frequentResale', 'nonLocalPurchase', 'nonFamilyCoPurchase'], {
        error: '应为 repeatedMarriageChange、frequentResale、nonLocalPurchase 或 nonFamilyCoPurchase',
      }),
    )
    .default([])
    .describe('需真实性调查的情形'),
});

export const DeathSchema = z.strictObject({
  deathDate: DateString.describe('死亡（宣告死亡）日期'),
  heirCount: Count.default(1).describe('继承人人数'),
  heirsPresent: Count.default(1).describe('到场继承人人数'),
  notarizedInheritance: z.boolean().default(false).describe('有继承公证书'),
  courtDocument: z.boolean().default(false).describe('有法院判决书、裁定书或调解书'),
  writtenPromise: z.boolean().default(false).describe('法定继承人已作书面承诺'),
  proxyNotarized: z.boolean().default(false).describe('有委托提取公证书'),
});

export const ElevatorSchema = z.strictObject({
  acceptanceDate: DateString.optional().describe('加装电梯竣工验收日期'),
  paid: z.boolean().default(false).describe('业主已支付加装电梯建设资金'),
  ownerShareFen: Fen.describe('个人实际出资金额（分）'),
});

export const InsulationSchema = z.strictObject({
  approved: z.boolean().default(false).describe('经相关部门批准且符合节能减排住宅墙体保温项目标准'),
  personalCostFen: Fen.describe('个人应支付的费用（分）'),
});

export const FamilyAccountSchema = z.strictObject({
  name: z.string().min(1, { error: '不能为空' }).describe('姓名'),
  accountStatus: z.enum(['正常', '封存', '销户'], { error: '应为 正常、封存 或 销户' }).describe('账户状态'),
  balanceFen: Fen.describe('账户余额（分）'),
});

export const CoOwnerAccountSchema = FamilyAccountSchema.extend({
  relation: z.enum(['family', 'nonFamily'], { error: '应为 family（家庭成员）或 nonFamily（非家庭关系）' }).describe('与职工关系'),
});

export const WithdrawalApplicationSchema = z.strictObject({
  center: z.enum(['yinchuan', 'urumqi'], { error: '应为 yinchuan（银川）或 urumqi（乌鲁木齐）' }).describe('公积金中心'),
  kind: z.literal('withdrawal', { error: '应为 withdrawal' }).default('withdrawal').describe('业务类型'),
  caseId: z.string().min(1, { error: '请选择提取原因' }).describe('提取原因'),
  applicationDate: DateString.describe('申请日期'),
  applicationId: z.string().optional().describe('申请编号'),
  member: prefixed(PersonSchema, '职工'),
  spouse: prefixed(PersonSchema.optional(), '配偶'),
  maritalStatus: MaritalStatus.default('single'),
  applicant: prefixed(ApplicantSchema.default({ role: 'self', payToAgentCard: false }), '办理人'),
  includeSpouse: z.boolean().default(false).describe('同时提取配偶账户'),
  parents: z.array(FamilyAccountSchema).default([]).describe('父母账户'),
  coOwners: z.array(CoOwnerAccountSchema).default([]).describe('产权共有人账户'),
  closeAccount: z.boolean().default(false).describe('申请全额提取并销户'),
  requestedFen: Fen.optional().describe('申请提取金额（分）'),
  house: WithdrawalHouseSchema.optional().describe('房屋'),
  repayment: RepaymentSchema.optional().describe('还贷'),
  rent: RentSchema.optional().describe('租房'),
  medical: MedicalSchema.optional().describe('医疗'),
  situation: SituationSchema.default(SituationSchema.parse({})).describe('提取情形事实'),
  death: DeathSchema.optional().describe('死亡提取'),
  elevator: ElevatorSchema.optional().describe('加装电梯'),
  insulation: InsulationSchema.optional().describe('墙体保温'),
});

export type WithdrawalApplication = z.infer<typeof WithdrawalApplicationSchema>;
export type WithdrawalApplicationInput = z.input<typeof WithdrawalApplicationSchema>;
export type WithdrawalHouse = z.infer<typeof WithdrawalHouseSchema>;
