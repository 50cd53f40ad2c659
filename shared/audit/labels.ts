/**
 * The audit log in the words a branch administrator or an auditor reads: Chinese action names and a detail line
 * of "字段：值" pairs instead of the codes and JSON the log stores (the log itself keeps the codes: they are
 * what the keyed chain seals). Unknown codes are shown as they are, never hidden.
 */
import { FIELD_LABELS } from '../contract/labels';

const ACTIONS: Record<string, string> = {
  'center.init': '初始化中心',
  'demo.generate': '生成演示数据',
  'employer.create': '单位开户',
  'member.open': '职工开户',
  'member.封存': '封存',
  'member.启封': '启封',
  'member.转出': '转出',
  'ledger.reverse': '冲正',
  'interest.year_end': '年终结息',
  'loan.reprice': '贷款调息',
  'notice.post': '发布公告',
  'notice.withdraw': '撤回公告',
  'appointment.create': '登记预约',
  'appointment.import': '导入预约',
  'appointment.checkin': '预约签到',
  'appointment.cancel': '取消预约',
  'operator.add': '新增操作员',
  'operator.request_add': '申请新增操作员',
  'operator.request_role': '申请调整岗位',
  'operator.request_confirm': '确认操作员变更',
  'operator.request_reject': '驳回操作员变更',
  'operator.role_change': '调整岗位',
  'operator.disable': '停用操作员',
  'operator.reset_password': '重置密码',
  'operator.change_password': '修改密码',
  'session.login': '登录',
  'session.logout': '退出登录',
  'session.login_failed': '登录失败',
  'session.login_refused': '登录被拒绝（锁定或等待中）',
  'session.end': '结束会话',
  'rates.loan.add': '新增贷款利率',
  'rates.deposit.add': '新增存款利率',
  'rates.penalty.add': '新增罚息设置',
  'policy.override.add': '新增政策参数调整',
  'privileged.request': '申请补录以前生效的变更',
  'privileged.confirm': '确认补录变更',
  'privileged.refuse': '拒绝补录变更',
  'integrity.repair': '恢复被删除的数据库触发器',
  'integrity.accept': '记录完整性异常的处理意见',
  'sync.join': '加入中心网络',
};

const KINDS: Record<string, string> = { withdrawal: '提取', loan: '贷款' };
const STEPS: Record<string, string> = {
  create: '受理',
  update: '修改申请',
  submit: '提交复核',
  review: '复核通过',
  approve: '审批通过',
  review_return: '复核退回',
  approve_return: '审批退回',
  cancel: '撤销',
  sign: '签订合同',
  disburse: '放款',
  pay: '支付',
  reapproval_required: '须重新审批',
  reversal_request: '申请冲正',
  reversal_review: '冲正复核',
  reversal_approve: '冲正审批通过',
  reversal_reject: '冲正被驳回',
};

const RECORDS: Record<string, string> = {
  application: '申请',
  member: '职工',
  employer: '单位',
  operator: '操作员',
  entry: '凭证',
  loan: '贷款',
  notice: '公告',
  appointment: '预约',
  center: '中心',
  schema: '数据库结构',
  anchor: '锚定文件',
  session: '会话',
  operator_change_request: '操作员变更申请',
  privileged_change_request: '补录变更申请',
};

export function actionLabel(action: string): string {
  if (ACTIONS[action]) return ACTIONS[action];
  const [kind, step] = action.split(/\.(.+)/) as [string, string | undefined];
  if (step && KINDS[kind] && STEPS[step]) return `${KINDS[kind]}${STEPS[step]}`;
  return action;
}

export function recordLabel(recordType: string, recordId: string): string {
  return `${RECORDS[recordType] ?? recordType} ${recordId}`;
}

const DETAIL_LABELS: Record<string, string> = {
  from: '原状态',
  to: '新状态',
  note: '意见',
  reason: '原因',
  problem: '问题',
  restored: '已恢复',
  role: '岗位',
  login: '登录名',
  branchCode: '网点',
  previous: '原记录',
  kind: '类别',
  staffNo: '工号',
  operatorId: '操作员编号',
  requestId: '申请编号',
  newRole: '新岗位',
  oldRole: '原岗位',
};

/** Codes that appear as values: roles and request kinds. */
const VALUES: Record<string, string> = {
  clerk: '经办',
  reviewer: '复核',
  approver: '审批',
  admin: '管理员',
  add: '新增',
};

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.map(show).join('、');
  if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}=${show(x)}`).join('，');
  return VALUES[String(v)] ?? String(v);
}

/** '{"from":"待复核","to":"待审批","note":"复核通过"}' → '原状态：待复核；新状态：待审批；意见：复核通过'. */
export function detailText(detail: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return detail;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return show(parsed);
  const parts = Object.entries(parsed as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${DETAIL_LABELS[k] ?? FIELD_LABELS[k] ?? k}：${show(v)}`);
  return parts.length ? parts.join('；') : '—';
}
