/**
 * 乌鲁木齐: the seven withdrawal cases of 一、(with 购房 split into purchase/build/rebuild/repair as the time limits
 * differ), 加装电梯 and 墙体保温, the loan house types, their materials and procedures, quoting 004_5b427291c04fb79d.txt.
 */
import type { CaseInfo, CenterCatalogue, MaterialSpec, Procedure } from '../catalogueTypes';

export const URUMQI_SEED = '004_5b427291c04fb79d.txt';
const s = (clause: string) => ({ file: URUMQI_SEED, clause });

const PERSONAL = ['member.accountStatus', 'member.balanceFen', 'member.dishonest', 'member.loans', 'situation.judicialEnforcement'];
const HOUSING = [...PERSONAL, 'includeSpouse', 'spouse', 'coOwners', 'requestedFen', 'situation.authenticityFlags'];

const purchaseMaterials: MaterialSpec[] = [
  { id: 'uq.mat.purchase.local.contract', text: '《商品房买卖合同》', source: s('(1)《商品房买卖合同》'), when: 'houseNewLocal' },
  { id: 'uq.mat.purchase.local.tax', text: '契税完税凭证', source: s('(2)契税完税凭证'), when: 'houseNewLocal' },
  {
    id: 'uq.mat.purchase.local.spouse',
    text: '已婚缴存职工需提供配偶身份证、婚姻关系证明',
    source: s('(4)已婚缴存职工需提供配偶身份证、婚姻关系证明'),
    when: 'married',
  },
  { id: 'uq.mat.purchase.remote.contract', text: '《商品房买卖合同》', source: s('(1)《商品房买卖合同》'), when: 'houseNewRemote' },
  { id: 'uq.mat.purchase.remote.tax', text: '契税完税凭证或房款发票(首付收据)', source: s('(2)契税完税凭证或房款发票(首付收据)'), when: 'houseNewRemote' },
  { id: 'uq.mat.purchase.remote.account', text: '开发商出具的售房账户证明原件', source: s('(3)开发商出具的售房账户证明原件。'), when: 'houseNewRemote' },
  { id: 'uq.mat.purchase.remote.other', text: '柜台要求提供的其他佐证材料', source: s('(4)柜台要求提供的其他佐证材料。'), when: 'houseNewRemote' },
  // 四、申请时限: the documents whose dates start each time limit (the engine reads those dates).
  {
    id: 'uq.mat.purchase.certificate',
    text: '《不动产权证书》（登记确权日期）',
    source: s('(二)购买二手房、拍卖类住房,自《不动产权证书》登记确权之日起2年内。'),
    when: 'houseSecondHandOrAuction',
  },
  { id: 'uq.mat.purchase.agreement', text: '单位集资建房（统建房）《购房协议》', source: s('(三)购买单位集资建房(统建房),自《购房协议》签订之日起2年内。'), when: 'houseCollective' },
  {
    id: 'uq.mat.purchase.reformApproval',
    text: '《单位出售公有住房审批表》',
    source: s('(四)购买单位房改房,自《单位出售公有住房审批表》审批通过之日起2年内。'),
    when: 'houseReform',
  },
];

const houseCase = (id: string, name: string, fields: string[], materials: MaterialSpec[] = []): CaseInfo => ({
  id,
  kind: 'withdrawal',
  name,
  group: '住房消费类',
  source: s('(一)购买、建造、翻建、大修自住住房;'),
  fields: [...HOUSING, 'house.houseId', 'house.residential', ...fields],
  materials,
});

const withdrawalCases: CaseInfo[] = [
  houseCase(
    'purchase',
    '购买自住住房',
    [
      'house.type',
      'house.remote',
      'house.priceFen',
      'house.contractDate',
      'house.certificateDate',
      'house.agreementDate',
      'house.reformApprovalDate',
      'house.developerFiled',
      'house.developerAccountProof',
      'house.coPurchaseNonFamily',
      'house.otherCoOwnerWithdrew',
    ],
    purchaseMaterials,
  ),
  houseCase('build', '建造自住住房', ['house.costFen', 'house.landApprovalDate'], [
    { id: 'uq.mat.build.landApproval', text: '国土部门出具的《用地批准书》', source: s('(五)建造自住住房,自国土部门出具的《用地批准书》签发之日起2年内。') },
  ]),
  houseCase('rebuild', '翻建自住住房', ['house.costFen', 'house.planningPermitDate'], [
    {
      id: 'uq.mat.rebuild.planningPermit',
      text: '规划部门出具的《建设用地工程规划许可证》',
      source: s('(六)翻建自住住房,自规划部门出具的《建设用地工程规划许可证》签发之日起2年内。'),
    },
  ]),
  houseCase('repair', '大修自住住房', ['house.costFen', 'house.appraisalDate'], [
    {
      id: 'uq.mat.repair.appraisal',
      text: '乌鲁木齐市房屋安全鉴定办公室出具的《危房鉴定书》',
      source: s('(七)大修自住住房,自乌鲁木齐市房屋安全鉴定办公室出具的《危房鉴定书》签发之日起2年内。'),
    },
  ]),
  {
    id: 'repayment',
    kind: 'withdrawal',
    name: '偿还购建自住住房贷款本息',
    group: '住房消费类',
    source: s('(二)偿还购建自住住房贷款本息;'),
    fields: [...HOUSING, 'repayment'],
    materials: [],
  },
  {
    id: 'rent',
    kind: 'withdrawal',
    name: '无房租赁住房自住',
    group: '住房消费类',
    source: s('(三)职工因无房而租赁住房用于自住;'),
    fields: [...HOUSING, 'rent.annualRentFen', 'rent.contractDate', 'rent.ownsHomeInCity', 'rent.noHomeCertDate', 'rent.spouseNoHomeCertDate', 'rent.genuine'],
    materials: [
      { id: 'uq.mat.rent.id', text: '提取人身份证、无房证明[有效期1个月]', source: s('1、提取人身份证、无房证明[有效期1个月]') },
      {
        id: 'uq.mat.rent.spouse',
        text: '已婚职工配偶需提供身份证、婚姻关系证明、无房证明[有效期1个月]',
        source: s('2、已婚职工配偶需提供身份证、婚姻关系证明、无房证明[有效期1个月]'),
        when: 'married',
      },
      { id: 'uq.mat.rent.contract', text: '《房屋租赁合同》', source: s('3、《房屋租赁合同》') },
      { id: 'uq.mat.rent.residence', text: '夫妻双方的居住证明或居住证', source: s('4、夫妻双方的居住证明或居住证') },
      { id: 'uq.mat.rent.card', text: '提取人银行卡[中行、农行、工行、建行、交行借记卡]', source: s('5、提取人银行卡[中行、农行、工行、建行、交行借记卡]') },
    ],
  },
  {
    id: 'retirement',
    kind: 'withdrawal',
    name: '离休、退休',
    group: '非住房消费类',
    source: s('(四)离休、退休;'),
    fields: [...PERSONAL, 'member.idNumber', 'member.birthDate', 'member.sex', 'situation.retirementProof', 'situation.railway'],
    materials: [
      {
        id: 'uq.mat.retirement.certificate',
        text: '《退休证》或《职工退休审批表》',
        source: s('1、《退休证》或《职工退休审批表》'),
        when: 'belowRetirementAge',
      },
      { id: 'uq.mat.retirement.card', text: '个人银行借记卡(工农中建交)', source: s('2、个人银行借记卡(工农中建交)') },
      { id: 'uq.mat.retirement.id', text: '身份证原件', source: s('3、身份证原件') },
      { id: 'uq.mat.retirement.railway', text: '铁路系统职工提供《铁路局退休命令》', source: s('4、铁路系统职工提供《铁路局退休命令》'), when: 'railway' },
      {
        id: 'uq.mat.retirement.mismatch',
        text: '单位出具的证明(退休证件记载的姓名、身份证号同身份证不一致的)',
        source: s('1、《退休证》或《职工退休审批表》记载的职工姓名、身份证号同职工身份证不一致的,需提供单位出具的证明。'),
        when: 'retirementRecordMismatch',
      },
    ],
  },
  {
    id: 'death',
    kind: 'withdrawal',
    name: '职工死亡、被宣告死亡',
    group: '非住房消费类',
    source: s('(五)职工死亡、被宣告死亡;'),
    fields: [...PERSONAL, 'applicant.role', 'death'],
    materials: [
      { id: 'uq.mat.death.certificate', text: '死亡证明', source: s('1、死亡证明') },
      {
        id: 'uq.mat.death.notary',
        text: '继承公证书或法院判决书(调解书)',
        source: s('2、继承公证书或法院判决书(调解书)'),
        when: 'needsInheritanceNotary',
      },
      { id: 'uq.mat.death.heirId', text: '继承人身份证', source: s('3、继承人身份证') },
      { id: 'uq.mat.death.card', text: '银行借记卡(工农中建交)', source: s('4、银行借记卡(工农中建交)') },
      {
        id: 'uq.mat.death.proxy',
        text: '委托提取公证书',
        source: s('1、多个继承人因故无法同时到场办理提取的,需提供委托提取公证书。'),
        when: 'heirsAbsent',
      },
      {
        id: 'uq.mat.death.waiveInterest',
        text: '提取人签署的放弃利息的声明',
        source: s('提取人需签署放弃利息的声明,利息归最后一个继承人所有。'),
        when: 'heirWaivesInterest',
      },
      {
        id: 'uq.mat.death.writtenPromise',
        text: '法定继承人的书面承诺',
        source: s('2、职工公积金余额少于壹仟元的,法定继承人做出书面承诺后,可不提供继承公证书。'),
        when: 'inheritanceNotaryWaived',
      },
    ],
  },
  {
    id: 'termination',
    kind: 'withdrawal',
    name: '与单位终止劳动关系',
    group: '非住房消费类',
    source: s('(六)与单位终止劳动关系;'),
    fields: [...PERSONAL, 'spouse', 'member.sealedSince', 'situation.laborRelationEnded', 'situation.newEmployer'],
    materials: [
      { id: 'uq.mat.termination.id', text: '身份证(原件)', source: s('1、身份证') },
      {
        id: 'uq.mat.termination.proof',
        text: '《解除劳动关系证明》或行政事业单位的任免文件',
        source: s('2、《解除劳动关系证明》或行政事业单位的任免文件'),
      },
      {
        id: 'uq.mat.termination.card',
        text: '本人名下的本市银行借记卡(工、农、中、建、交五大银行类借记卡)',
        source: s('3、本人名下的本市银行借记卡(工、农、中、建、交五大银行类借记卡)'),
      },
      {
        id: 'uq.mat.termination.incapacity',
        text: '《劳动鉴定委员会职工劳动能力鉴定表》《解除劳动关系证明书》',
        source: s('1、完全或部分丧失劳动能力的本市户籍职工,并与单位解除劳动关系的,提供《劳动鉴定委员会职工劳动能力鉴定表》《解除劳动关系证明书》。'),
        when: 'incapacity',
      },
      {
        id: 'uq.mat.termination.sentenced',
        text: '《解除劳动关系证明书》《人民法院判决书》及缴存职工提取委托书(监管部门盖章)',
        source: s('2、被判处刑罚并与单位解除劳动关系的职工,提供《解除劳动关系证明书》《人民法院判决书》及缴存职工提取委托书(监管部门盖章)。'),
        when: 'sentenced',
      },
    ],
  },
  {
    id: 'emigration',
    kind: 'withdrawal',
    name: '出境定居',
    group: '非住房消费类',
    source: s('(七)出境定居;'),
    fields: [...PERSONAL, 'situation.emigrated'],
    materials: [],
  },
  {
    id: 'elevator',
    kind: 'withdrawal',
    name: '既有住宅加装电梯',
    group: '住房消费类',
    source: s('6、既有住宅加装电梯提取'),
    fields: [...HOUSING, 'house.houseId', 'elevator'],
    materials: [
      {
        id: 'uq.mat.elevator',
        text: '身份证明材料、申请人银行卡、婚姻关系证明、加装电梯所在房屋的不动产权证、加装电梯协议、电梯建设分摊费用的实际支付凭证',
        source: s('办理提取业务需提供身份证明材料、申请人银行卡、婚姻关系证明、加装电梯所在房屋的不动产权证、加装电梯协议、电梯建设分摊费用的实际支付凭证等。'),
      },
    ],
  },
  {
    id: 'insulation',
    kind: 'withdrawal',
    name: '节能减排住宅墙体保温',
    group: '住房消费类',
    source: s('5、经相关部门批准且符合实施节能减排住宅墙体保温项目标准,允许提取本人的住房公积金支付其承担部分的费用'),
    fields: [...PERSONAL, 'insulation', 'requestedFen'],
    materials: [],
  },
];

const LOAN_FIELDS = [
  'borrower.openedDate',
  'borrower.continuousMonths',
  'borrower.balanceFen',
  'borrower.loans',
  'borrower.credit',
  'borrower.falseInfoBanUntil',
  'spouse',
  'spouseCoApplicant',
  'maritalStatus',
  'divorce',
  'familyMonthlyIncomeFen',
  'house.priceFen',
  'house.contractDate',
  'house.local',
  'house.mortgageRegistrable',
  'downPaymentFen',
  'requestedFen',
  'months',
  'method',
  'guarantee',
  'approval',
  'stableIncome',
  'goodCredit',
  'subsidized',
];

const loanCase = (id: string, name: string, group: string, clause: string, materials: MaterialSpec[] = []): CaseInfo => ({
  id,
  kind: 'loan',
  name,
  group,
  source: s(clause),
  fields: LOAN_FIELDS,
  materials,
});

const loanCases: CaseInfo[] = [
  loanCase('commodity', '购买商品房（一手房）', '购房', '(一)首次和第二次使用住房公积金贷款购买一手房的,首付比例不得低于购房总价的20%', [
    { id: 'uq.mat.loan.commodity.contract', text: '《商品房预售合同》', source: s('1.《商品房预售合同》;') },
    { id: 'uq.mat.loan.commodity.tax', text: '契税完税证', source: s('2.契税完税证;') },
    { id: 'uq.mat.loan.commodity.down', text: '已支付购、建房规定比例的首付款凭证', source: s('3.已支付购、建房规定比例的首付款凭证。') },
  ]),
  loanCase('secondHand', '购买二手房', '购房', '购买二手房、拍卖房、房改房贷款首付比例不得低于购房总价的30%', [
    { id: 'uq.mat.loan.sh.certificate', text: '已过户到借款人名下的《房屋所有权证》', source: s('1.已过户到借款人名下的《房屋所有权证》;') },
    { id: 'uq.mat.loan.sh.tax', text: '契税完税证', source: s('2.契税完税证;') },
    { id: 'uq.mat.loan.sh.seller', text: '卖方携带身份证与银行卡到场', source: s('3.卖方携带身份证与银行卡到场。') },
    {
      id: 'uq.mat.loan.sh.contract',
      text: '乌鲁木齐房产交易中心打印并盖章的《房屋买卖合同》',
      source: s('(3)若契税发票无卖房人信息和计税金额,须提供乌鲁木齐房产交易中心打印并盖章的《房屋买卖合同》。'),
      when: 'taxInvoiceLacksSeller',
    },
  ]),
  loanCase('auction', '购买拍卖房', '购房', '购买二手房、拍卖房、房改房贷款首付比例不得低于购房总价的30%'),
  loanCase('reform', '购买房改房', '购房', '购买二手房、拍卖房、房改房贷款首付比例不得低于购房总价的30%'),
  loanCase('build', '建造自住住房', '建房', '翻建、大修、建造自住住房贷款首付比例不得低于房屋工程预算总价的40%'),
  loanCase('rebuild', '翻建自住住房', '建房', '翻建、大修、建造自住住房贷款首付比例不得低于房屋工程预算总价的40%'),
  loanCase('repair', '大修自住住房', '建房', '翻建、大修、建造自住住房贷款首付比例不得低于房屋工程预算总价的40%'),
];

const withdrawalCommon: MaterialSpec[] = [
  { id: 'uq.mat.wd.id', text: '提取人身份证', source: s('1、提取人身份证;') },
  { id: 'uq.mat.wd.spouse', text: '夫妻双方相应身份证、婚姻关系证明', source: s('2、若牵涉夫妻双方,需提供相应身份证、婚姻关系证明'), when: 'spouseIncluded' },
  {
    id: 'uq.mat.wd.guardian',
    text: '监护人身份证明材料和监护人证明材料',
    source: s('(四)作为监护人提取的,应提供监护人身份证明材料和监护人证明材料。'),
    when: 'guardian',
  },
  {
    id: 'uq.mat.wd.agent',
    text: '提取申请人和提取受托人身份证明材料',
    source: s('(五)作为受托人代办住房公积金提取的,应提供提取申请人和提取受托人身份证明材料'),
    when: 'agent',
  },
  {
    id: 'uq.mat.wd.agentCard',
    text: '经公证的授权委托书或能有效证明委托意愿的材料',
    source: s('资金转入提取受托人或其他人银行卡的,还需提供经公证的授权委托书或能有效证明委托意愿的材料。'),
    when: 'payToAgentCard',
  },
  {
    id: 'uq.mat.wd.forms',
    text: '《住房公积金支取申请书》和经单位专管员填写签章的《申请支取住房公积金审批表》',
    source: s('1、职工到公积金开户银行领取《住房公积金支取申请书》、管理部门领取《申请支取住房公积金审批表》后,由单位住房公积金专管员按要求填写并签章'),
  },
];

const loanCommon: MaterialSpec[] = [
  { id: 'uq.mat.loan.id', text: '借款人身份证、户口簿首页及内页', source: s('1.借款人身份证、户口簿首页及内页;') },
  {
    id: 'uq.mat.loan.marriage',
    text: '借款人婚姻关系证明(结婚证、离婚证、法院判决书原件)、单身职工填写单身声明',
    source: s('2.借款人婚姻关系证明(结婚证、离婚证、法院判决书原件)、单身职工填写单身声明;'),
  },
  {
    id: 'uq.mat.loan.spouseId',
    text: '借款人配偶身份证、户口簿首页及内页或军官证、警官证、士兵证(配偶为华侨身份的提供居住国护照)',
    source: s('3.借款人配偶身份证、户口簿首页及内页或军官证、警官证、士兵证。配偶为华侨身份,提供居住国护照;'),
    when: 'married',
  },
  { id: 'uq.mat.loan.card', text: '借款人本人名下用于还款的银行借记卡', source: s('4.借款人本人名下用于还款的银行借记卡;') },
  {
    id: 'uq.mat.loan.spouseIncome',
    text: '配偶所在地公积金管理部门出具的未贷款证明及缴存基数证明;未建立公积金制度的提供完税证明或单位收入证明及至少三个月工资卡明细(现金发放的提供至少三个月社保缴费明细)',
    source: s('5.借款人配偶未在本中心正常缴存住房公积金又需将收入纳入贷款额度计算的,提供以下资料'),
    when: 'spouseIncomeOutside',
  },
  {
    id: 'uq.mat.loan.credit',
    text: '借款人及配偶《个人信用报告》',
    source: s('6.借款人及配偶《个人信用报告》(贴息贷款无需借款人提供)。'),
    withoutSpouse: '借款人《个人信用报告》',
    when: 'notSubsidizedLoan',
  },
  {
    id: 'uq.mat.loan.credit.spouse',
    text: '借款人配偶《个人信用报告》（贴息贷款无需借款人提供）',
    source: s('6.借款人及配偶《个人信用报告》(贴息贷款无需借款人提供)。'),
    when: 'subsidizedMarried',
  },
];

const arrowSteps = (line: string) =>
  line.split('→').map((segment) => ({ text: segment.replace(/^\d+/, '').replace(/。$/, ''), source: s(segment.replace(/。$/, '')) }));

const procedures: Procedure[] = [
  {
    kind: 'withdrawal',
    title: '提取办理流程',
    steps: [
      {
        text: '职工到公积金开户银行领取《住房公积金支取申请书》、管理部门领取《申请支取住房公积金审批表》后，由单位住房公积金专管员按要求填写并签章',
        source: s('1、职工到公积金开户银行领取《住房公积金支取申请书》、管理部门领取《申请支取住房公积金审批表》后,由单位住房公积金专管员按要求填写并签章'),
      },
      {
        text: '职工持《申请支取住房公积金审批表》、《支取住房公积金申请书》及相关证明材料到公积金开户银行所在辖区住房公积金管理部门办理提取审核',
        source: s('2、职工持《申请支取住房公积金审批表》、《支取住房公积金申请书》及相关证明材料到公积金开户银行所在辖区住房公积金管理部门办理提取审核'),
      },
      {
        text: '经分中心、各区管理部审核通过后，职工持审核合格资料到单位住房公积金开户银行办理提取或转帐手续',
        source: s('3、经分中心、各区管理部审核通过后,职工持审核合格资料到单位住房公积金开户银行办理提取或转帐手续。'),
      },
      {
        text: '租房、终止劳动关系、退休、购房提取等申请也可通过“手机公积金”APP办理',
        source: s('目前租房提取、终止劳动关系提取、退休提取、购房提取等申请,均可通过“手机公积金”APP进行申请'),
      },
    ],
  },
  {
    kind: 'loan',
    variant: 'company',
    title: '担保公司担保贷款',
    steps: arrowSteps(
      '1借款人及配偶携带相关资料到贷款经办部门申请→2贷款经办部门受理申请→3贷款经办部门审批贷款→4贷款经办部门、承办银行对相关合同盖章→5担保公司领取审批单、相关合同→6担保公司办理相关手续→7担保公司通知借款人到贷款经办部门办理放款手续或代办放款手续。',
    ),
  },
  {
    kind: 'loan',
    variant: 'property',
    title: '二手房或房产抵押申请公积金贷款',
    steps: arrowSteps(
      '1借款人及配偶携带相关资料到贷款经办部门办理申请→2贷款经办部门审批贷款→3贷款经办部门、承办银行对相关合同盖章→4借款人领取审批单、相关合同→5借款人到房产部门办理抵押手续→6借款人到贷款经办部门办理放款手续',
    ),
  },
  {
    kind: 'loan',
    variant: 'pfJoint',
    title: '住房公积金联保贷款',
    steps: arrowSteps(
      '1借款人及配偶,联保人及配偶携带相关资料到贷款经办部门申请→2贷款经办部门受理申请→3贷款经办部门审批贷款→4贷款经办部门、承办银行对相关合同盖章→5贷款经办部门通知借款人办理放款手续',
    ),
  },
];

export const URUMQI_CATALOGUE: CenterCatalogue = {
  seedFile: URUMQI_SEED,
  withdrawalCases,
  loanCases,
  commonMaterials: { withdrawal: withdrawalCommon, loan: loanCommon },
  procedures,
};
