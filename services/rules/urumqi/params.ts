/**
 * 乌鲁木齐 policy parameters: every number and list the rules read, dated, with the clause it comes from.
 */
import { z } from 'zod';
import { URUMQI_SEED } from '../../../shared/rules/catalogue/urumqi';
import { DateString } from '../../../shared/rules/primitives';
import type { ParamDef } from '../params';
import { caseListSchema, countSchema, fenSchema, percentSchema, seedParam } from '../packParams';

const p = <T>(id: string, label: string, schema: z.ZodType<T>, value: T, clause: string | null, note?: string) =>
  seedParam(URUMQI_SEED, id, label, schema, value, clause, note);

export const UQ = {
  wdKeepMin: 'uq.wd.keepMinFen',
  wdHousingCases: 'uq.wd.housingCases',
  wdSpouseCases: 'uq.wd.spouseCases',
  wdJointCases: 'uq.wd.jointCases',
  wdCloseCases: 'uq.wd.closeAccountCases',
  wdTimeYears: 'uq.wd.time.limitYears',
  wdRemoteSecondHandMinDays: 'uq.wd.time.remoteSecondHandMinDays',
  wdOnceKinds: 'uq.wd.purchase.onceKinds',
  wdRentContractYears: 'uq.wd.rent.contractYears',
  wdNoHomeCertMonths: 'uq.wd.rent.noHomeCertMonths',
  wdRetirementAges: 'uq.wd.retirement.ages',
  wdDeathNoNotaryBelow: 'uq.wd.death.noNotaryBelowFen',
  wdSealedMonths: 'uq.wd.termination.sealedMonths',
  wdElevatorYears: 'uq.wd.elevator.years',
  wdElevatorTimes: 'uq.wd.elevator.times',
  loanMinMonths: 'uq.loan.minMonths',
  loanOverdue: 'uq.loan.overdueLimits',
  loanBadRecordYears: 'uq.loan.badRecord.liftYears',
  loanMaxUses: 'uq.loan.maxUses',
  loanDivorceYears: 'uq.loan.divorce.waitYears',
  loanDownPayment: 'uq.loan.downPaymentPercent',
  loanReservePercent: 'uq.loan.reservePercent',
  loanCap: 'uq.loan.quota.capFen',
  loanBalanceTimes: 'uq.loan.quota.balanceTimes',
  loanIncomePercent: 'uq.loan.quota.incomePercent',
  loanIncomeRoundUnit: 'uq.loan.quota.incomeRoundUnit',
  loanProperty: 'uq.loan.guarantee.property',
  loanJointMax: 'uq.loan.guarantee.pfJoint.maxGuarantors',
  loanJointCases: 'uq.loan.guarantee.pfJoint.cases',
  loanNaturalPerson: 'uq.loan.guarantee.naturalPerson',
  loanPledgeCover: 'uq.loan.guarantee.pledge.coverPercent',
  loanPledgeCases: 'uq.loan.guarantee.pledge.cases',
  loanDeveloperCases: 'uq.loan.guarantee.developer.cases',
  loanReapprovalYears: 'uq.loan.reapprovalYears',
  loanSecondUse: 'uq.loan.rate.secondUse',
} as const;

export interface RetirementAgeRow {
  sex: 'M' | 'F';
  /** Birth-date range the row covers (inclusive); absent = open. Lets a center enter the 2025 reform by cohort. */
  bornFrom?: string;
  bornUntil?: string;
  years: number;
  months: number;
}

export interface PropertyTier {
  maxAgeYears: number;
  percent: string;
}

const retirementSchema = z.array(
  z.strictObject({
    sex: z.enum(['M', 'F']),
    bornFrom: DateString.optional(),
    bornUntil: DateString.optional(),
    years: z.int().min(40).max(80),
    months: z.int().min(0).max(11),
  }),
);

export const HOUSING_CASES = ['purchase', 'build', 'rebuild', 'repair', 'repayment', 'rent', 'elevator', 'insulation'];
const ALL_LOAN_CASES_BUT_SECOND_HAND = ['commodity', 'auction', 'reform', 'build', 'rebuild', 'repair'];

export const URUMQI_PARAMS: ParamDef[] = [
  p(UQ.wdKeepMin, '住房消费提取后账户至少保留余额（分）', fenSchema, 1000, '6、职工发生住房消费提取住房公积金的:提取后个人账户应保留至少十元余额。'),
  p(
    UQ.wdHousingCases,
    '住房消费提取情形',
    caseListSchema,
    HOUSING_CASES,
    '6、职工发生住房消费提取住房公积金的:提取后个人账户应保留至少十元余额。',
    '住房消费指购建修房、偿还购建房贷款、租房、加装电梯和墙体保温；退休、死亡、终止劳动关系、出境定居不属于住房消费，不保留十元。',
  ),
  p(
    UQ.wdSpouseCases,
    '可同时提取配偶账户的情形',
    caseListSchema,
    ['purchase', 'build', 'rebuild', 'repair', 'repayment', 'rent', 'elevator'],
    '(一)缴存职工或配偶发生住房性消费情形时,可申请提取住房公积金。',
    '墙体保温原文为“提取本人的住房公积金”，不含配偶。',
  ),
  p(
    UQ.wdJointCases,
    '可同时提取产权共有人账户的情形',
    caseListSchema,
    ['purchase', 'rent'],
    '4、职工购买同一产权住房或租住同一住房的:可同时提取产权共有人或配偶住房公积金账户余额。',
  ),
  p(
    UQ.wdCloseCases,
    '全额提取并销户的情形',
    caseListSchema,
    ['retirement', 'emigration', 'death'],
    '一、职工有下列情形之一的可申请提取住房公积金',
    '乌鲁木齐原文未写销户；按《住房公积金管理条例》第二十四条，离休退休、出境定居提取的同时注销账户，死亡的由继承人提取全部余额。终止劳动关系提取全部余额但不销户（可改参数）。',
  ),
  p(UQ.wdTimeYears, '购建修房提取申请时限（年）', countSchema, 2, '四、申请时限', '各项时限均为“自…之日起2年内”，期间按民法典第201条计算，2年后的对应日当日仍可办理。'),
  p(
    UQ.wdRemoteSecondHandMinDays,
    '异地二手房发证后最早可提取天数',
    countSchema,
    180,
    '一、购买异地二手房以过户到买受人名下的《不动产权证》发证日期满半年(180天)起至2年内为办理住房公积金提取业务有效时限',
    '“确权半年后”以最新通知的“满半年(180天)”为准：发证日后第180天当日起可办理。',
  ),
  p(
    UQ.wdOnceKinds,
    '同一住房只可提取一次的购房类型',
    caseListSchema,
    ['newLocal', 'newRemote', 'secondHandRemote'],
    '所购住房可提取一次住房公积金支付房款。',
    '原文对本地、异地商品房和异地二手房写明“可提取一次”；其他购房类型未写，不限次数但受总房款上限约束。',
  ),
  p(UQ.wdRentContractYears, '租赁合同签订后有效年限', countSchema, 1, '4、《房屋租赁合同》签订日期在1年内。'),
  p(UQ.wdNoHomeCertMonths, '无房证明有效期（月）', countSchema, 1, '1、提取人身份证、无房证明[有效期1个月]'),
  p<RetirementAgeRow[]>(
    UQ.wdRetirementAges,
    '法定退休年龄表',
    retirementSchema,
    [
      { sex: 'M', years: 60, months: 0 },
      { sex: 'F', years: 55, months: 0 },
    ],
    '3、已到法定退休年龄(男满60周岁,女满55周岁)的职工提供身份证即可办理。',
    '按原文男60周岁、女55周岁；2025年起国家渐进式延迟退休，中心采纳时按出生年月分段添加带生效日期的参数。',
  ),
  p(
    UQ.wdDeathNoNotaryBelow,
    '免继承公证的余额上限（分，不含）',
    fenSchema,
    100_000,
    '2、职工公积金余额少于壹仟元的,法定继承人做出书面承诺后,可不提供继承公证书。',
  ),
  p(UQ.wdSealedMonths, '终止劳动关系提取须封存月数', countSchema, 6, '2、提取人住房公积金账户封存满半年且无新单位继续缴存'),
  p(UQ.wdElevatorYears, '加装电梯竣工验收后可提取年限', countSchema, 2, '自加装电梯竣工验收后两年内可申请提取一次住房公积金。'),
  p(UQ.wdElevatorTimes, '加装电梯可提取次数', countSchema, 1, '自加装电梯竣工验收后两年内可申请提取一次住房公积金。'),
  p(
    UQ.loanMinMonths,
    '参加公积金制度及近期连续足额缴存月数',
    countSchema,
    6,
    '1.借款申请人参加住房公积金制度六个月以上(含六个月),近六个月连续足额缴存住房公积金',
  ),
  p(
    UQ.loanOverdue,
    '不良逾期标准（连续期数/累计期数）',
    z.strictObject({ consecutive: z.int().min(1), cumulative: z.int().min(1) }),
    { consecutive: 3, cumulative: 6 },
    '(二)《个人信用报告》不良违约记录的认定标准为:五年内含有“连续三期或累计六期及以上”的逾期记录。',
  ),
  p(
    UQ.loanBadRecordYears,
    '不良记录解除限制年限',
    countSchema,
    5,
    '限定在贷款最后一期逾期款项清偿时间满5年并结清贷款余额后',
  ),
  p(UQ.loanMaxUses, '一个家庭公积金贷款最多使用次数', countSchema, 2, '(一)一个家庭(含单身)只能使用两次住房公积金贷款用于购买自住住房。'),
  p(UQ.loanDivorceYears, '离异后解除贷款限制须满年数', countSchema, 1, '限定离异时间满一年且公积金贷款相关债务归主贷方'),
  p(
    UQ.loanDownPayment,
    '最低首付比例（%，按购房类型）',
    z.record(z.string(), percentSchema),
    { commodity: '20', secondHand: '30', auction: '30', reform: '30', build: '40', rebuild: '40', repair: '40' },
    '(一)首次和第二次使用住房公积金贷款购买一手房的,首付比例不得低于购房总价的20%;购买二手房、拍卖房、房改房贷款首付比例不得低于购房总价的30%;翻建、大修、建造自住住房贷款首付比例不得低于房屋工程预算总价的40%。',
  ),
  p(
    UQ.loanReservePercent,
    '夫妻账户余额须留足的申请额比例（%）',
    percentSchema,
    '10',
    '(一)借款人申请贷款时,借款人与配偶人个人住房公积金账户余额合计要留足欲申请贷款额度的十分之一。',
  ),
  p(UQ.loanCap, '最高贷款额度（分）', fenSchema, 70_000_000, '1.乌鲁木齐住房公积金贷款最高贷款额度为70万元;'),
  p(UQ.loanBalanceTimes, '公积金余额倍数', percentSchema, '10', '2.贷款计算公式为借款申请人(含共同申请人)公积金余额的10倍;'),
  p(UQ.loanIncomePercent, '月还款额占家庭月收入上限（%）', percentSchema, '60', '3.月还款额占家庭收入60%以下。'),
  p(
    UQ.loanIncomeRoundUnit,
    '按收入反算额度的取整单位',
    z.enum(['fen', 'yuan', 'hundred']),
    'fen',
    '3.月还款额占家庭收入60%以下。',
    '原文未写取整，不扣减职工额度：默认取月供（按还款计划代码半舍入到分）不超过收入60%的最高额，精确到分；管理员可改为元或百元。',
  ),
  p<{ tiers: PropertyTier[]; maxProperties: number }>(
    UQ.loanProperty,
    '房产抵押：按房龄的评估价值比例与最多套数',
    z.strictObject({
      tiers: z.array(z.strictObject({ maxAgeYears: z.int().min(0), percent: percentSchema })),
      maxProperties: z.int().min(1),
    }),
    {
      tiers: [
        { maxAgeYears: 14, percent: '70' },
        { maxAgeYears: 30, percent: '60' },
      ],
      maxProperties: 3,
    },
    '房产评估价值70%须大于等于贷款申请额度;房屋修建年限15年以上30(含30年)年以下,房产评估价值60%须大于等于贷款申请额度;房屋修建年限30年以上不能抵押。可最多提供3套房产做抵押。',
    '“以上/以下”含本数（民法典第1259条，与本引擎其他各处一致），对风险限额取审慎理解：房龄不满15年按70%，15年（含）至30年（含）按60%，超过30年不能抵押；房龄按申请年份减修建年份。多套房产按各自比例折算后合计，合计额再向下取整到分。',
  ),
  p(UQ.loanJointMax, '联保人最多人数', countSchema, 5, '联保人不超过五人'),
  p(UQ.loanJointCases, '可用公积金联保的贷款类型', caseListSchema, ALL_LOAN_CASES_BUT_SECOND_HAND, '该担保方式可用于除二手房以外所有类型贷款'),
  p(
    UQ.loanNaturalPerson,
    '自然人保证：保证人数与贷款上限（分）',
    z.strictObject({ persons: z.int().min(1), capFen: fenSchema }),
    { persons: 2, capFen: 25_000_000 },
    '5.自然人保证。两名自然人提供连带责任保证。所购房必须是乌鲁木齐辖区内,且不具备办理预抵押登记或抵押登记的住房,贷款额度不超过25万。',
  ),
  p(
    UQ.loanPledgeCover,
    '质押：质物价值须覆盖贷款额的比例（%）',
    percentSchema,
    '100',
    '6.质押。用国债、银行存单等中心认可的有价证券作为质物。',
    '原文未写质押率；审慎起见质物价值须不低于贷款额（100%），中心可调整。',
  ),
  p(UQ.loanPledgeCases, '可用质押的贷款类型', caseListSchema, ALL_LOAN_CASES_BUT_SECOND_HAND, '该担保方式可用于除二手房以外所有类型贷款。'),
  p(UQ.loanDeveloperCases, '可用房产公司阶段担保的贷款类型', caseListSchema, ['commodity'], '该担保方式只能用于商品房贷款。'),
  p(
    UQ.loanReapprovalYears,
    '审批后未放款须重新审批的年限',
    countSchema,
    1,
    '二、借款人自贷款审批通过之日起超过1年期限仍未办理放款手续的,办理贷款发放时,需重新审批。',
  ),
  p(
    UQ.loanSecondUse,
    '第二次使用公积金贷款的利率规则',
    z.union([
      z.strictObject({ kind: z.literal('multiplier'), multiplier: z.string().regex(/^\d+(\.\d+)?$/) }),
      z.strictObject({ kind: z.literal('table') }),
    ]),
    { kind: 'table' },
    null,
    '乌鲁木齐原文未写利率；按全国公积金贷款利率表（首套/第二套）执行。',
  ),
];
