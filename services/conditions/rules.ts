/**
 * Seed conditions enforced by the workflow rather than by the engine's judgement of one application: each is a
 * step (a record, a block, a booking) in services/conditions/. Listed with the engine's rules (`gjj rules`,
 * rules.list), each citing its seed clause; the tests are named by these ids.
 */
import type { CenterId } from '../../shared/centers/types';
import type { RuleInfo } from '../../shared/rules/types';
import { uq } from '../rules/urumqi/source';
import { yc } from '../rules/yinchuan/source';

type WorkflowRule = Omit<RuleInfo, 'params'>;

export const RULE_IDS = {
  notarisation: 'yc.flow.loanNotarisation',
  honestDeclaration: 'yc.flow.honestDeclaration',
  unitIdentityCheck: 'yc.flow.unitIdentityCheck',
  noRemoteCertificate: 'yc.flow.noRemoteCertificate',
  restriction: 'uq.flow.accountRestriction',
  dishonestRecorded: 'uq.flow.dishonestCheck',
  jointMembers: 'uq.flow.pfJoint.members',
  jointFreeze: 'uq.flow.pfJoint.freeze',
  excessPayback: 'uq.flow.excessPayback',
  guaranteeFee: 'uq.flow.guaranteeFee',
  payeeDebitCard: 'uq.flow.payeeDebitCard',
} as const;

const YINCHUAN: WorkflowRule[] = [
  {
    id: RULE_IDS.notarisation,
    kind: 'loan',
    caseIds: ['*'],
    title: '未婚、离异、农业户口、共有产权的，放款前登记贷款公证',
    category: 'condition',
    source: yc('5、到公积金管理中心开具放款通知单(未婚、离异、农业户口、共有产权的须在银川市公证处办理贷款公证)'),
    note: '放款（开具放款通知单）前须登记公证处、公证书编号和公证日期，否则拒绝放款；“未婚”按婚姻状况为单身。',
  },
  {
    id: RULE_IDS.honestDeclaration,
    kind: 'loan',
    caseIds: ['*'],
    title: '申请人签署“诚信申贷”声明',
    category: 'condition',
    source: yc('②申请人必须“诚信申贷”,保证所提供的材料真实、完整和有效。'),
    note: '列入贷款材料清单（收齐才能提交），并印在贷款审批书上由借款人签字。',
  },
  {
    id: RULE_IDS.unitIdentityCheck,
    kind: 'withdrawal',
    caseIds: ['*'],
    title: '转账支取凭证上载明单位确认提取人真实身份的责任',
    category: 'condition',
    source: yc('职工所在单位初审时必须确认提取人的真实身份,否则由此造成职工公积金被冒领的后果,由职工所在单位承担全部责任。'),
    note: '印在《银川住房公积金转账支取凭证》的单位意见（盖章）栏内。',
  },
  {
    id: RULE_IDS.noRemoteCertificate,
    kind: 'loan',
    caseIds: ['*'],
    title: '已使用两次住房公积金贷款的职工（含夫妻双方），中心不再出具异地缴存证明',
    category: 'condition',
    source: yc('无论贷款是否结清,均不得受理。同时,中心不再出具异地缴存证明。'),
    note: '缴存证明（供异地贷款）打印前按账簿计数：职工作为借款人或配偶的本中心贷款（含已结清）达到两笔的，拒绝出具。其他中心的贷款本系统账簿不知道，不计入。',
  },
];

const URUMQI: WorkflowRule[] = [
  {
    id: RULE_IDS.dishonestRecorded,
    kind: 'withdrawal',
    caseIds: ['*'],
    title: '审批前须记录失信惩戒查询结果',
    category: 'condition',
    source: uq('(一)申请人处于失信惩戒期内的,不可提取本人住房公积金。'),
    note: '受理时可以尚未查询；审批前须记录申请人（提取配偶账户的，还有配偶）的查询来源、结果和编号，由系统记下查询人和时间，否则拒绝审批。死亡提取不适用。',
  },
  {
    id: RULE_IDS.restriction,
    kind: 'withdrawal',
    caseIds: ['*'],
    title: '存在套取嫌疑的，审批岗可对申请人账户进行限制，限制期间不支付',
    category: 'account',
    source: uq('如存在套取住房公积金行为,中心可对申请人账户进行必要的限制'),
    note: '由审批岗设置（写明原因），由另一人（另一名审批岗）解除；限制期间该账户的提取支付和转出一律拒绝。',
  },
  {
    id: RULE_IDS.jointMembers,
    kind: 'loan',
    caseIds: ['*'],
    title: '联保人须为本中心正常缴存的职工，担保额不超过其可用余额',
    category: 'guarantee',
    source: uq('其他缴交住房公积金的职工(联保人)以其名下同等数额公积金做担保'),
    note: '按账簿核对：账户状态正常、截至申请月连续缴存至少1个月、余额减去已为其他贷款担保的金额不少于本次担保额；不能是借款人或其配偶。',
  },
  {
    id: RULE_IDS.jointFreeze,
    kind: 'withdrawal',
    caseIds: ['*'],
    title: '联保期间冻结联保人所担保的公积金金额，贷款结清时解除',
    category: 'account',
    source: uq('联保人在联保期间不能使用所担保的住房公积金金额'),
    note: '放款时登记冻结；提取会使余额低于冻结额的，拒绝支付并说明原因；贷款结清后自动解除。',
  },
  {
    id: RULE_IDS.excessPayback,
    kind: 'loan',
    caseIds: ['*'],
    title: '提取支付房款后余额不足的，补缴回超额提取部分后再申请',
    category: 'condition',
    source: uq('(二)借款人或配偶提取个人住房公积金支付房款后,账户内余额未达到申请贷款要求的,应将超额提取部分补缴回个人住房公积金账户后,再申请住房公积金贷款。'),
    note: '超额部分 = 申请额十分之一与借款人、配偶余额合计之差，以已提取支付房款的金额为限；登记后未补缴完的，该职工的提取和贷款申请一律不受理。',
  },
  {
    id: RULE_IDS.guaranteeFee,
    kind: 'loan',
    caseIds: ['*'],
    title: '担保公司担保的贷款，中心支付担保服务费并记账',
    category: 'guarantee',
    source: uq('1.担保公司担保。由住房置业担保公司担保住房公积金贷款,中心支付担保服务费。'),
    note: '借 411 业务支出，贷 101 住房公积金存款；只对担保方式为担保公司担保的已放款贷款办理。',
  },
  {
    id: RULE_IDS.payeeDebitCard,
    kind: 'withdrawal',
    caseIds: ['rent', 'retirement', 'death', 'termination'],
    title: '收款卡须为借记卡（受理时录入卡类型）',
    category: 'condition',
    source: uq('2、个人银行借记卡(工农中建交)'),
    note: '原文写明借记卡的情形（租房、退休、死亡、终止劳动关系）受理时须选卡类型“借记卡”，信用卡、存折拒绝受理；卡号须为16至19位数字（银行卡号的格式，原文未写）。',
  },
];

export function workflowRules(center: CenterId): RuleInfo[] {
  return (center === 'yinchuan' ? YINCHUAN : URUMQI).map((r) => ({ ...r, params: [] }));
}

export function hasWorkflowRule(center: CenterId, id: string): boolean {
  return workflowRules(center).some((r) => r.id === id);
}
