/**
 * 银川: the withdrawal cases (4 房屋类, 12 非房屋类), the loan house types, their materials and the procedures,
 * each quoting 003_e326aac3299acd42.txt.
 */
import type { CaseInfo, CenterCatalogue, MaterialSpec, Procedure } from '../catalogueTypes';

export const YINCHUAN_SEED = '003_e326aac3299acd42.txt';
const s = (clause: string) => ({ file: YINCHUAN_SEED, clause });

const PERSONAL = ['member.accountStatus', 'member.balanceFen', 'member.accruedInterestFen', 'member.loans'];
const HOUSE_COMMON = [...PERSONAL, 'house.residential', 'includeSpouse', 'spouse', 'parents', 'requestedFen'];

const HOUSE_BUILD_MATERIALS = (prefix: string): MaterialSpec[] => [
  {
    id: `${prefix}.approval`,
    text: '市(县)级以上规划、土地部门的批准文件、建设工程规划许可证',
    source: s('3、建造、翻建住房的,提供市(县)级以上规划、土地部门的批准文件、建设工程规划许可证'),
  },
  {
    id: `${prefix}.homestead`,
    text: '宅基地使用证及乡镇有关部门出具的证明',
    source: s('农村房屋须提供宅基地使用证及乡镇有关部门出具的证明'),
    when: 'rural',
  },
  { id: `${prefix}.payment`, text: '支付费用凭证', source: s('农村房屋须提供宅基地使用证及乡镇有关部门出具的证明,支付费用凭证') },
];

const withdrawalCases: CaseInfo[] = [
  {
    id: 'purchase',
    kind: 'withdrawal',
    name: '购买自住住房',
    group: '房屋类',
    source: s('1、购买自住住房的'),
    fields: [
      ...HOUSE_COMMON,
      'house.type',
      'house.priceFen',
      'house.contractRegistered',
      'house.paymentProof',
      'house.certificateDate',
      'house.transferred',
    ],
    materials: [
      {
        id: 'yc.mat.purchase.new',
        text: '房屋所有权证或经房地产行政主管部门备案的购房合同和付款凭证',
        source: s('1、购买新建自住住房的,须提供房屋所有权证或经房地产行政主管部门备案的购房合同和付款凭证'),
        when: 'houseNew',
      },
      {
        id: 'yc.mat.purchase.secondHand',
        text: '过户后的房屋所有权证、买卖契约、契税完税凭证',
        source: s('2、购买二手住房的,须提供过户后的房屋所有权证、买卖契约、契税完税凭证'),
        when: 'houseSecondHand',
      },
    ],
  },
  {
    id: 'build',
    kind: 'withdrawal',
    name: '建造自住住房',
    group: '房屋类',
    source: s('2、建造自住住房的'),
    fields: [...HOUSE_COMMON, 'house.costFen', 'house.planningPermitDate', 'house.landApprovalDate', 'house.rural'],
    materials: HOUSE_BUILD_MATERIALS('yc.mat.build'),
  },
  {
    id: 'rebuild',
    kind: 'withdrawal',
    name: '翻建自住住房',
    group: '房屋类',
    source: s('3、翻建自住住房的'),
    fields: [...HOUSE_COMMON, 'house.costFen', 'house.planningPermitDate', 'house.landApprovalDate', 'house.rural'],
    materials: HOUSE_BUILD_MATERIALS('yc.mat.rebuild'),
  },
  {
    id: 'repair',
    kind: 'withdrawal',
    name: '大修自住住房',
    group: '房屋类',
    source: s('4、大修自住住房的'),
    fields: [...HOUSE_COMMON, 'house.costFen', 'house.appraisalDate'],
    materials: [
      {
        id: 'yc.mat.repair',
        text: '有资质机构出具的房屋安全鉴定证明、房屋权属证明、工程预决算及支付费用凭证',
        source: s('4、大修自住住房的,提供有资质机构出具的房屋安全鉴定证明、房屋权属证明、工程预决算及支付费用凭证'),
      },
    ],
  },
  {
    id: 'retirement',
    kind: 'withdrawal',
    name: '离休、退休',
    group: '非房屋类',
    source: s('1、退休的。'),
    fields: [...PERSONAL, 'situation.retirementProof'],
    materials: [{ id: 'yc.mat.retirement', text: '本人退休证明或劳动人事部门出具的相关证明', source: s('提供本人退休证明或劳动人事部门出具的相关证明') }],
  },
  {
    id: 'incapacity',
    kind: 'withdrawal',
    name: '完全丧失劳动能力，并与单位终止劳动关系',
    group: '非房屋类',
    source: s('2、完全丧失劳动能力,并与单位终止劳动关系的。'),
    fields: [...PERSONAL, 'situation.incapacitated', 'situation.laborRelationEnded'],
    materials: [
      {
        id: 'yc.mat.incapacity',
        text: '人力资源和社会保障部门出具的劳动能力鉴定证明及单位解除劳动合同证明或失业证明',
        source: s('提供人力资源和社会保障部门出具的劳动能力鉴定证明及单位解除劳动合同证明或失业证明'),
      },
    ],
  },
  {
    id: 'emigration',
    kind: 'withdrawal',
    name: '出境定居、户口迁出本市',
    group: '非房屋类',
    source: s('3、出境定居、户口迁出本市的。'),
    fields: [...PERSONAL, 'situation.emigrated', 'situation.hukouMovedOut', 'situation.laborRelationEnded'],
    materials: [
      {
        id: 'yc.mat.emigration',
        text: '户籍注销证明或出境定居的证明',
        source: s('出境定居的须提供户籍注销证明或出境定居的证明'),
        when: 'emigrated',
      },
      {
        id: 'yc.mat.hukouMovedOut',
        text: '转入地户籍证明和解除劳动关系证明',
        source: s('户口迁出本市的须提供转入地户籍证明和解除劳动关系证明'),
        when: 'hukouMovedOut',
      },
    ],
  },
  {
    id: 'repayment',
    kind: 'withdrawal',
    name: '偿还住房贷款本息',
    group: '非房屋类',
    source: s('4、偿还住房贷款本息的。'),
    fields: [...PERSONAL, 'includeSpouse', 'spouse', 'parents', 'repayment', 'requestedFen'],
    materials: [
      {
        id: 'yc.mat.repayment',
        text: '尚未还清住房贷款的公证书(借款、抵押合同)、借(贷)款凭证、还款存折(若卡还款须提供贷款银行出具的显示贷款余额的单据)',
        source: s('提供尚未还清住房贷款的公证书(借款、抵押合同)、借(贷)款凭证、还款存折(若卡还款须提供贷款银行出具的显示贷款余额的单据)'),
      },
    ],
  },
  {
    id: 'rent',
    kind: 'withdrawal',
    name: '房租支出超出家庭工资收入15%',
    group: '非房屋类',
    source: s('5、房租支出超出家庭工资收入15%的。'),
    fields: [...PERSONAL, 'includeSpouse', 'spouse', 'rent.annualRentFen', 'rent.familyAnnualIncomeFen', 'rent.publicHousing', 'requestedFen'],
    materials: [
      {
        id: 'yc.mat.rent',
        text: '公有住房的租赁合同、房租发票、单位或民政部门出具的家庭工资收入证明',
        source: s('提供公有住房的租赁合同、房租发票、单位或民政部门出具的家庭工资收入证明'),
      },
    ],
  },
  {
    id: 'dibao',
    kind: 'withdrawal',
    name: '正在领取城镇最低生活保障金',
    group: '非房屋类',
    source: s('6、正在领取城镇最低生活保障金的。'),
    fields: [...PERSONAL, 'situation.receivingDibao'],
    materials: [{ id: 'yc.mat.dibao', text: '提取人的低保证', source: s('提供提取人的低保证') }],
  },
  {
    id: 'disaster',
    kind: 'withdrawal',
    name: '遇到意外灾难等突发事件，造成家庭生活严重困难',
    group: '非房屋类',
    source: s('7、遇到意外灾难等突发事件(如车祸、火灾),造成家庭生活严重困难的。'),
    fields: [...PERSONAL, 'situation.disasterAppraisal', 'situation.severeHardship', 'requestedFen'],
    materials: [
      {
        id: 'yc.mat.disaster',
        text: '相关部门出具的突发事件鉴定书及造成损失所产生的费用单据或证明',
        source: s('提供相关部门出具的突发事件鉴定书及造成损失所产生的费用单据或证明'),
      },
    ],
  },
  {
    id: 'migrantWorker',
    kind: 'withdrawal',
    name: '进城务工人员与单位解除劳动关系',
    group: '非房屋类',
    source: s('8、进城务工人员,与单位解除劳动关系的。'),
    fields: [...PERSONAL, 'situation.migrantWorker', 'situation.laborRelationEnded'],
    materials: [{ id: 'yc.mat.migrantWorker', text: '户籍证明和解除劳动关系证明', source: s('提供户籍证明和解除劳动关系证明') }],
  },
  {
    id: 'unemployment',
    kind: 'withdrawal',
    name: '下岗、失业未再就业，造成家庭生活严重困难',
    group: '非房屋类',
    source: s('9、职工下岗、失业未再就业,造成家庭生活严重困难的。'),
    fields: [...PERSONAL, 'situation.unemployedSince', 'situation.reemployed', 'situation.severeHardship', 'closeAccount', 'requestedFen'],
    materials: [{ id: 'yc.mat.unemployment', text: '提取人的失业证', source: s('提供提取人的失业证') }],
  },
  {
    id: 'medical',
    kind: 'withdrawal',
    name: '本人、配偶或直系血亲患重大疾病，一年内医疗费用超过一万元',
    group: '非房屋类',
    source: s('10、职工本人、配偶或直系血亲患重大疾病,且医疗费用支出巨大,一年内医疗费用支出超过一万元以上的。'),
    fields: [...PERSONAL, 'medical.patient', 'medical.seriousIllness', 'medical.bills', 'requestedFen'],
    materials: [
      {
        id: 'yc.mat.medical',
        text: '市(县)二级以上医院的诊断证明、出院证或病历、医疗费用单据(时间超过一年的不予办理)、提取人与患者之间关系的证明(如户口簿、结婚证)',
        source: s(
          '提供市(县)二级以上医院的诊断证明、出院证或病历、医疗费用单据(时间超过一年的不予办理)、提取人与患者之间关系的证明(如户口簿、结婚证)',
        ),
      },
    ],
  },
  {
    id: 'sentenced',
    kind: 'withdrawal',
    name: '在职期间触犯刑律被判刑并与单位解除劳动关系',
    group: '非房屋类',
    source: s('11、职工在职期间触犯刑律被判刑并与单位解除劳动关系的。'),
    fields: [...PERSONAL, 'situation.sentenced', 'situation.laborRelationEnded'],
    materials: [
      {
        id: 'yc.mat.sentenced',
        text: '司法部门出具的判决书,与单位终止劳动关系的证明及与本人授权公证部门出具的委托书及被提取人之间关系的证明(如户口簿、结婚证)',
        source: s('提供司法部门出具的判决书,与单位终止劳动关系的证明及与本人授权公证部门出具的委托书及被提取人之间关系的证明(如户口簿、结婚证)'),
      },
    ],
  },
  {
    id: 'death',
    kind: 'withdrawal',
    name: '职工死亡或被宣告死亡',
    group: '非房屋类',
    source: s('12、职工死亡或被宣告死亡的。'),
    fields: [...PERSONAL, 'death.deathDate', 'applicant.role'],
    materials: [
      {
        id: 'yc.mat.death',
        text: '死者注销的户口簿、死亡证明、继承人或受遗赠人的身份证、遗赠书或法院的判决书、裁定书、调解书及与被提取人之间关系的证明(如户口簿、结婚证)',
        source: s(
          '由其合法继承人或受遗赠人提供死者注销的户口簿、死亡证明、继承人或受遗赠人的身份证、遗赠书或法院的判决书、裁定书、调解书及与被提取人之间关系的证明(如户口簿、结婚证)',
        ),
      },
    ],
  },
];

const LOAN_COMMON_FIELDS = [
  'borrower.openedDate',
  'borrower.continuousMonths',
  'borrower.contributionRatioPercent',
  'borrower.balanceFen',
  'borrower.loans',
  'borrower.credit.reportDate',
  'borrower.contributionPlace',
  'borrower.remoteContribution',
  'spouse',
  'maritalStatus',
  'divorce.date',
  'house.priceFen',
  'house.borrowerIsBuyer',
  'house.contractRegistered',
  'house.downPaymentInvoice',
  'downPaymentFen',
  'requestedFen',
  'months',
  'method',
  'stableIncome',
  'goodCredit',
  'incomeCertDate',
  'conversion',
  'children',
];

const NEW_HOME_MATERIALS: MaterialSpec[] = [
  { id: 'yc.mat.loan.new.contract', text: '合规的《商品房买卖合同》正本、副本', source: s('1、合规的《商品房买卖合同》正本、副本') },
  { id: 'yc.mat.loan.new.invoice', text: '购房预付款发票', source: s('2、购房预付款发票') },
  { id: 'yc.mat.loan.new.marriage', text: '婚姻证明:结婚证、离婚证、诉讼判决书', source: s('3、婚姻证明:结婚证、离婚证、诉讼判决书') },
  { id: 'yc.mat.loan.new.ids', text: '申请人及配偶的有效身份证', source: s('4、申请人及配偶的有效身份证'), withoutSpouse: '申请人的有效身份证' },
  { id: 'yc.mat.loan.new.hukou', text: '申请人及配偶户口薄', source: s('5、申请人及配偶户口薄'), withoutSpouse: '申请人户口薄' },
  {
    id: 'yc.mat.loan.new.spouseElsewhere',
    text: '配偶缴存中心出具的缴存流水和缴存情况说明',
    source: s('配偶在其他公积金中心缴存公积金的,须出具其缴存中心的缴存流水和缴存情况说明'),
    when: 'spouseElsewhere',
  },
];

const loanCase = (id: string, name: string, clause: string, extra: string[] = []): CaseInfo => ({
  id,
  kind: 'loan',
  name,
  group: '一手房',
  source: s(clause),
  fields: [...LOAN_COMMON_FIELDS, 'house.contractDate', 'house.presale', 'house.toppedOut', ...extra],
  materials: NEW_HOME_MATERIALS,
});

const loanCases: CaseInfo[] = [
  loanCase('commodity', '商品房', '核定为商品房、经济适用房、房改房、增房补差的贷款最高比例不超过房屋总价值或增房补差价值的80%'),
  loanCase('affordable', '经济适用房', '核定为商品房、经济适用房、房改房、增房补差的贷款最高比例不超过房屋总价值或增房补差价值的80%'),
  loanCase('reform', '房改房', '核定为商品房、经济适用房、房改房、增房补差的贷款最高比例不超过房屋总价值或增房补差价值的80%'),
  loanCase('upgrade', '增房补差', '核定为商品房、经济适用房、房改房、增房补差的贷款最高比例不超过房屋总价值或增房补差价值的80%'),
  {
    id: 'secondHand',
    kind: 'loan',
    name: '二手房',
    group: '二手房',
    source: s('二、二手房贷款(须先申请贷款后过户)'),
    fields: [...LOAN_COMMON_FIELDS, 'house.transferred', 'house.certificateDate', 'house.buildYear'],
    materials: [
      { id: 'yc.mat.loan.sh.contract', text: '买卖夫妻双方共同到本中心签署合规的《存量房买卖合同》', source: s('1、买卖夫妻双方共同到本中心签署合规的《存量房买卖合同》') },
      { id: 'yc.mat.loan.sh.certificate', text: '原《不动产权证》', source: s('2、原《不动产权证》') },
      { id: 'yc.mat.loan.sh.archive', text: '原房产调档单', source: s('3、原房产调档单') },
      { id: 'yc.mat.loan.sh.marriage', text: '婚姻证明:结婚证、离婚证、诉讼判决书', source: s('4、婚姻证明:结婚证、离婚证、诉讼判决书') },
      { id: 'yc.mat.loan.sh.ids', text: '申请人及配偶的有效身份证、户口簿', source: s('5、申请人及配偶的有效身份证、户口簿'), withoutSpouse: '申请人的有效身份证、户口簿' },
      { id: 'yc.mat.loan.sh.seller', text: '原产权人有效身份证、户口本、婚姻状况证明', source: s('6、原产权人有效身份证、户口本、婚姻状况证明') },
      { id: 'yc.mat.loan.sh.freeze', text: '银行首付款冻结单', source: s('7、银行首付款冻结单') },
      { id: 'yc.mat.loan.sh.other', text: '本中心要求提供的其他证明文件', source: s('8、本中心要求提供的其他证明文件') },
    ],
  },
];

const withdrawalCommon: MaterialSpec[] = [
  { id: 'yc.mat.wd.id', text: '本人身份证原件', source: s('职工提取公积金必须提供以下证明材料:本人身份证原件') },
  { id: 'yc.mat.wd.spouse', text: '婚姻关系证明、配偶身份证原件', source: s('提取配偶住房公积金的,应提供婚姻关系证明、配偶身份证原件'), when: 'spouseIncluded' },
  {
    id: 'yc.mat.wd.agent',
    text: '本人授权公证部门出具的委托书及代办人身份证',
    source: s('代他人提取住房公积金的,须提供本人授权公证部门出具的委托书及代办人身份证'),
    when: 'agent',
  },
  { id: 'yc.mat.wd.relativeAgent', text: '关系证明及代办人身份证', source: s('直系亲属之间代取的,须提供关系证明及代办人身份证'), when: 'relativeAgent' },
  {
    id: 'yc.mat.wd.voucher',
    text: '填写完整并经单位初审盖章的《银川住房公积金转账支取凭证》',
    source: s('须持相应提取手续及填写完整的《银川住房公积金转账支取凭证》,到所在单位初审'),
    when: 'unitReviews',
  },
  {
    id: 'yc.mat.wd.voucherCustody',
    text: '填写完整的《银川住房公积金转账支取凭证》（托管专户职工直接向中心申请，无需单位初审盖章）',
    source: s('住房公积金托管专户的职工直接向银川住房公积金管理中心及其分中心提出提取申请'),
    when: 'custodyMember',
  },
];

const loanCommon: MaterialSpec[] = [
  {
    id: 'yc.mat.loan.honest',
    text: '申请人签署的“诚信申贷”声明(保证所提供的材料真实、完整和有效)',
    source: s('②申请人必须“诚信申贷”,保证所提供的材料真实、完整和有效。'),
  },
  {
    id: 'yc.mat.loan.ids',
    text: '夫妻双方身份证、军官证等有效身份证明和户口簿(宁夏区内户籍)等有效居住证明',
    source: s('夫妻双方身份证、军官证等有效身份证明和户口簿(宁夏区内户籍)等有效居住证明'),
    withoutSpouse: '本人身份证、军官证等有效身份证明和户口簿(宁夏区内户籍)等有效居住证明',
  },
  {
    id: 'yc.mat.loan.marriage',
    text: '婚姻状况证明(如系单身须民政部门开具单身证明,离异的还须提供离婚证或民事调解书、判决书)',
    source: s('2、婚姻状况证明(如系单身须民政部门开具单身证明,离异的还须提供离婚证或民事调解书、判决书)'),
  },
  { id: 'yc.mat.loan.credit', text: '夫妻双方个人征信报告(有效期限为一个月)', source: s('3、夫妻双方个人征信报告(有效期限为一个月)'), withoutSpouse: '本人个人征信报告(有效期限为一个月)' },
  {
    id: 'yc.mat.loan.income',
    text: '贷款人单位在《银川住房公积金贷款审批书》上填写贷款人固定收入情况并加盖公章(有效期限为一个月)',
    source: s('4、贷款人单位在《银川住房公积金贷款审批书》上填写贷款人固定收入情况并加盖公章(有效期限为一个月)'),
  },
  {
    id: 'yc.mat.loan.remote',
    text: '当地公积金管理中心开具的职工住房公积金缴存证明和明细流水账、信用情况证明及异地购房贷款职工公积金提取协议(有效期限为一个月)',
    source: s('须在当地公积金管理中心开具职工住房公积金缴存证明和明细流水账、信用情况证明及异地购房贷款职工公积金提取协议;(有效期限为一个月)'),
    when: 'remoteContributor',
  },
  {
    id: 'yc.mat.loan.conv.loanDocs',
    text: '(预审)原商业贷款的贷款合同、贷款凭证(借款借据)、贷款基本信息表',
    source: s('1、贷款合同、贷款凭证(借款借据)、贷款基本信息表'),
    when: 'conversion',
  },
  {
    id: 'yc.mat.loan.conv.house',
    text: '(预审)一手房购房合同副本或二手房存量房买卖合同、房屋所有权证或不动产权证书复印件、契税完税凭证或税收缴款书、不动产登记信息查询单',
    source: s('2、一手房购房合同副本或二手房存量房买卖合同、房屋所有权证或不动产权证书复印件、契税完税凭证或税收缴款书、不动产登记信息查询单'),
    when: 'conversion',
  },
  {
    id: 'yc.mat.loan.conv.settled',
    text: '(受理)贷款结清通知单、结清商业贷款余额的还款单据',
    source: s('1、贷款结清通知单、结清商业贷款余额的还款单据'),
    when: 'conversion',
  },
  {
    id: 'yc.mat.loan.conv.accept.loanDocs',
    text: '(受理)原商业贷款的贷款合同、贷款凭证(借款借据)',
    source: s('2、贷款合同、贷款凭证(借款借据);'),
    when: 'conversion',
  },
  {
    id: 'yc.mat.loan.conv.accept.house',
    text: '(受理)经房地产行政主管部门备案的购买自住住房的合同副本或二手房存量房买卖合同、房屋所有权证或不动产权证书、契税完税凭证或税收缴款书、不动产登记信息查询单',
    source: s('3、出具经房地产行政主管部门备案的购买自住住房的合同副本或二手房存量房买卖合同、房屋所有权证或不动产权证书、契税完税凭证或税收缴款书、不动产登记信息查询单;'),
    when: 'conversion',
  },
  { id: 'yc.mat.loan.conv.card', text: '(受理)借款人本人银行卡(一类卡)', source: s('6、借款人本人银行卡(一类卡)'), when: 'conversion' },
  {
    id: 'yc.mat.loan.single',
    text: '单身的在中心填写单身声明',
    source: s('单身的在我中心填写单身声明'),
    when: 'single',
  },
];

const procedures: Procedure[] = [
  {
    kind: 'withdrawal',
    title: '提取办理流程',
    steps: [
      {
        text: '持相应提取手续及填写完整的《银川住房公积金转账支取凭证》到所在单位初审，单位核实后加盖单位公积金预留印鉴（托管专户的职工直接向中心及其分中心提出申请）',
        source: s('1、申请提取公积金的职工,须持相应提取手续及填写完整的《银川住房公积金转账支取凭证》,到所在单位初审'),
      },
      {
        text: '持单位盖章的《银川住房公积金转账支取凭证》及有关证明材料到中心及其分中心、办事处办理提取审核手续',
        source: s('2、职工持所在单位盖章的《银川住房公积金转账支取凭证》及有关证明材料到银川住房公积金管理中心及其分中心、办事处办理提取审核手续。'),
      },
      {
        text: '经中心审核并授权后到指定银行办理提取（销户支取的含利息），除偿还公积金贷款外一律打入本人实名制账户',
        source: s('3、职工提取公积金的申请经住房公积金管理中心审核并授权后,到指定银行办理提取(销户支取的含利息),除偿还公积金贷款外,其它支取一律打入本人实名制账户。'),
      },
    ],
  },
  {
    kind: 'loan',
    title: '贷款办理流程',
    steps: [
      { text: '职工持以上手续到住房公积金管理中心填制《银川住房公积金贷款审批书》', source: s('1、职工持以上手续到住房公积金管理中心填制《银川住房公积金贷款审批书》') },
      { text: '公积金管理中心审核', source: s('2、公积金管理中心审核') },
      { text: '到住房公积金贷款委托银行签订借款合同和抵押合同', source: s('3、到住房公积金贷款委托银行签订借款合同和抵押合同') },
      { text: '到银川市房屋产权交易管理中心办理房地产贷款抵押登记', source: s('4、到银川市房屋产权交易管理中心办理房地产贷款抵押登记') },
      {
        text: '到公积金管理中心开具放款通知单(未婚、离异、农业户口、共有产权的须在银川市公证处办理贷款公证)',
        source: s('5、到公积金管理中心开具放款通知单(未婚、离异、农业户口、共有产权的须在银川市公证处办理贷款公证)'),
      },
      { text: '受委托银行发放贷款', source: s('6、受委托银行发放贷款') },
    ],
  },
];

export const YINCHUAN_CATALOGUE: CenterCatalogue = {
  seedFile: YINCHUAN_SEED,
  withdrawalCases,
  loanCases,
  commonMaterials: { withdrawal: withdrawalCommon, loan: loanCommon },
  procedures,
};
