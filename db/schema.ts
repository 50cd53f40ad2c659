/**
 * Kysely table types of the ledger database. Money columns end in `_fen` and hold integer fen; rates and ratios
 * are exact decimal strings in percent; dates are ISO strings (YYYY-MM-DD, or full ISO timestamps for `_at`).
 */
import type { Generated } from 'kysely';

export interface MetaTable { key: string; value: string }

export interface MigrationTable { id: string; applied_at: string }

export type Role = 'clerk' | 'reviewer' | 'approver' | 'admin';

export interface OperatorTable {
  id: Generated<number>;
  login: string;
  name: string;
  role: Role;
  password_hash: string;
  branch_code: string;
  active: number;
  created_at: string;
  /** 工号 and 证件号码 of the person (NULL only for operators created before 010_operator_people). */
  staff_no: string | null;
  id_number: string | null;
  must_change_password: number;
  failed_logins: number;
  last_failed_at: string | null;
  locked_until: string | null;
  disabled_at: string | null;
  disabled_by: number | null;
}

export interface OperatorChangeRequestTable {
  id: Generated<number>;
  kind: 'add' | 'role';
  operator_id: number | null;
  payload_json: string;
  status: '待确认' | '已确认' | '已驳回';
  requested_by: number;
  requested_at: string;
  decided_by: number | null;
  decided_at: string | null;
  note: string | null;
}

export interface EmployerTable {
  id: Generated<number>;
  account_no: string;
  name: string;
  uscc: string;
  /** 1 when the credit code failed its check and a clerk confirmed it against the licence (pilot codes). */
  uscc_confirmed: number;
  district: string;
  employee_ratio: string;
  employer_ratio: string;
  supp_employee_ratio: string | null;
  supp_employer_ratio: string | null;
  contact_name: string;
  contact_phone: string;
  address: string;
  opened_date: string;
  status: '正常' | '注销';
  created_at: string;
  /** The branch (管理部) the employer is registered at and its members' accounts are owned by; '' = 单机 (012). */
  branch_code: Generated<string>;
}

export type MemberStatus = '正常' | '封存' | '销户';

export interface MemberTable {
  id: Generated<number>;
  account_no: string;
  name: string;
  id_number: string;
  birth_date: string;
  sex: 'M' | 'F';
  phone: string;
  employer_id: number;
  base_fen: number;
  status: MemberStatus;
  opened_date: string;
  created_at: string;
}

export type AccountType = 'asset' | 'liability' | 'equity' | 'income' | 'expense';

export interface AccountTable {
  id: Generated<number>;
  code: string;
  name: string;
  type: AccountType;
  /** The control account's code for a member sub-ledger account (e.g. 201), null for a general-ledger account. */
  parent_code: string | null;
  member_id: number | null;
  /** Running totals, written only by the ledger's posting code in the posting's transaction; `gjj check` re-derives them. */
  debits_fen: number;
  credits_fen: number;
}

export interface JournalEntryTable {
  id: Generated<number>;
  entry_no: string;
  idempotency_key: string;
  business_type: string;
  summary: string;
  booked_date: string;
  created_at: string;
  operator_id: number | null;
  branch_code: string;
  reverses_entry_id: number | null;
  reason: string | null;
  ref_type: string | null;
  ref_id: number | null;
  terminal: string | null;
}

export interface PostingTable {
  id: Generated<number>;
  entry_id: number;
  account_id: number;
  side: 'D' | 'C';
  amount_fen: number;
}

export interface RemittanceTable {
  id: Generated<number>;
  employer_id: number;
  month: string;
  kind: '汇缴' | '补缴';
  entry_id: number;
  member_count: number;
  employee_total_fen: number;
  employer_total_fen: number;
  supp_total_fen: number;
  created_at: string;
}

export interface ContributionTable {
  id: Generated<number>;
  member_id: number;
  month: string;
  fund: 'basic' | 'supplementary';
  base_fen: number;
  employee_fen: number;
  employer_fen: number;
  remittance_id: number;
  entry_id: number;
}

export interface CommandTable {
  idempotency_key: string;
  action: string;
  request_hash: string;
  result_json: string;
  operator_id: number | null;
  created_at: string;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  operator_id: number | null;
  operator_login: string;
  action: string;
  record_type: string;
  record_id: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface NoticeTable {
  id: Generated<number>;
  kind: '公告' | '中心动态';
  title: string;
  body: string;
  published_at: string;
  author_id: number | null;
  withdrawn_at: string | null;
}

/** A back-dated rate / 罚息 / override row waiting for a second administrator (migration 011). */
export interface PrivilegedChangeRequestTable {
  id: Generated<number>;
  kind: 'loan_rate' | 'deposit_rate' | 'penalty' | 'override';
  effective_from: string;
  payload_json: string;
  reason: string;
  effect_json: string;
  state: '待确认' | '已生效' | '已拒绝';
  requested_by: number;
  requested_by_login: string;
  requested_at: string;
  decided_by: number | null;
  decided_by_login: string | null;
  decided_at: string | null;
  decision_note: string | null;
}

export interface DB {
  meta: MetaTable;
  schema_migrations: MigrationTable;
  operators: OperatorTable;
  operator_change_requests: OperatorChangeRequestTable;
  employers: EmployerTable;
  members: MemberTable;
  accounts: AccountTable;
  journal_entries: JournalEntryTable;
  postings: PostingTable;
  remittances: RemittanceTable;
  contributions: ContributionTable;
  commands: CommandTable;
  audit_log: AuditTable;
  notices: NoticeTable;
  privileged_change_requests: PrivilegedChangeRequestTable;
}
