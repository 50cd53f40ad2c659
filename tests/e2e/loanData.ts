/**
 * Data for the loan end-to-end test (银川): operators for the three posts, an employer at 12% + 12%, and a married
 * couple with six months remitted on a base of 10,000.00 (2,400.00 a month each → 14,400.00 each), set up through
 * the real dispatcher and dated by the system clock. The facts the clerk types are dated from today so the
 * engine's time limits (credit report within a month …) hold whatever day the test runs.
 */
import dayjs from 'dayjs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import { addMonthsToMonth, chinaDate, monthOf } from '../../shared/dates';
import { makeIdNumber } from '../../shared/idcard';
import { makeUscc } from '../../shared/uscc';
import { dispatch } from '../../services/api/dispatch';
import { openAppState, type AppState } from '../../services/api/state';
import { addStaffDirect, TEST_ADMIN } from '../../services/testing/staff';

export const PASSWORD = 'Counter2026';
export const today = chinaDate(new Date());
const thisMonth = monthOf(today);
export const ago = (n: number, unit: 'day' | 'month') => dayjs(today).subtract(n, unit).format('YYYY-MM-DD');

export const BORROWER = { name: '马建国', idNumber: makeIdNumber('640104', '19880412', 31) };
export const SPOUSE = { name: '李秀兰', idNumber: makeIdNumber('640104', '19900907', 42) };

/** What the clerk types, in 元 and dates as on the papers. 80% × 600,000 = 480,000 binds (20 × 28,800 = 576,000). */
export const INTAKE = {
  priceYuan: '600000',
  downPaymentYuan: '300000',
  incomeYuan: '20000',
  requestedYuan: '300000',
  months: 240,
  contractDate: ago(2, 'month'),
  creditDate: ago(5, 'day'),
  incomeCertDate: ago(5, 'day'),
  bindingLimit: 'yc.loan.quota.ratio',
  quotaFen: 48_000_000,
  principalFen: 30_000_000,
  contractNo: 'YC-GJJ-2026-000123',
  mortgageRegNo: '宁(2026)银川市不动产证明第0012345号',
  payee: { bankName: '宁夏银行金凤支行', accountNo: '1010012345678901', accountName: '宁夏塞上房地产开发有限公司' },
};

export interface LoanData {
  dir: string;
  app: AppState;
  borrowerId: number;
  spouseId: number;
  call<N extends CallName>(name: N, input: CallInput<N>): CallOutput<N>;
}

export function setUpLoanData(): LoanData {
  const dir = mkdtempSync(join(tmpdir(), 'gjj-e2e-loan-'));
  const app = openAppState(dir);
  let key = 0;
  const nextKey = () => `e2e-loan-${String(++key).padStart(4, '0')}`;
  const init = dispatch(app, { call: 'setup.init', input: { center: 'yinchuan', adminLogin: 'admin', adminName: '系统管理员', adminPassword: PASSWORD, ...TEST_ADMIN } });
  if (!init.ok) throw new Error(init.error.message);
  let token: string | null = null;
  const call = <N extends CallName>(name: N, input: CallInput<N>): CallOutput<N> => {
    const r = dispatch(app, { call: name, input, token });
    if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
    return r.data as CallOutput<N>;
  };
  token = call('session.login', { login: 'admin', password: PASSWORD }).token;
  addStaffDirect(app, 3, 'clerk', '王晓燕', 'clerk', PASSWORD);
  addStaffDirect(app, 4, 'reviewer', '马丽', 'reviewer', PASSWORD);
  addStaffDirect(app, 5, 'approver', '杨志刚', 'approver', PASSWORD);

  const employer = call('employers.create', {
    name: '宁夏塞上云数据科技有限公司',
    uscc: makeUscc('91640100MA76F3Y4R'),
    district: '金凤区',
    employeeRatioPercent: '12',
    employerRatioPercent: '12',
    contactName: '王丽',
    contactPhone: '0951-5012345',
    address: '银川市金凤区北京中路168号',
    openedDate: '2020-01-06',
    idempotencyKey: nextKey(),
  });
  const openedDate = `${addMonthsToMonth(thisMonth, -7)}-01`;
  const open = (p: { name: string; idNumber: string }, phone: string) =>
    call('members.open', { ...p, phone, employerId: employer.id, baseFen: 1_000_000, openedDate, idempotencyKey: nextKey() }).id;
  const borrowerId = open(BORROWER, '13909512345');
  const spouseId = open(SPOUSE, '13909516789');
  for (let i = 6; i >= 1; i--) call('remit.post', { employerId: employer.id, month: addMonthsToMonth(thisMonth, -i), idempotencyKey: nextKey() });
  return { dir, app, borrowerId, spouseId, call };
}
