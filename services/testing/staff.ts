/**
 * Test staff are distinct people: each login gets its own 工号 and a valid 证件号码 (shared/idcard makeIdNumber).
 * Tests hash with a lower scrypt cost (GJJ_TEST_SCRYPT_N, honoured only under vitest); passwords.test.ts proves the
 * shipped default.
 */
import { makeIdNumber } from '../../shared/idcard';
import type { Role } from '../../shared/roles';
import { addOperator } from '../auth/operators';
import { SYSTEM_OPERATOR } from '../context';
import type { AppState } from '../api/state';

process.env.GJJ_TEST_SCRYPT_N ??= '1024';

/** The 证件号码 of test person `n` (1 … 999). */
export const personId = (n: number): string => makeIdNumber('640104', '19850101', n);
export const staffNo = (n: number): string => `GH${String(n).padStart(4, '0')}`;

/** What setup.init needs about the first administrator (person 1). */
export const TEST_ADMIN = { adminStaffNo: staffNo(1), adminIdNumber: personId(1) };

/**
 * Creates a login at once, as `gjj user add` does at installation (no second administrator). For end-to-end
 * setups; service tests go through users.add and users.confirm.
 */
export function addStaffDirect(app: AppState, person: number, login: string, name: string, role: Role, password: string) {
  return addOperator(app.ctx!, SYSTEM_OPERATOR, { login, name, role, password, staffNo: staffNo(person), idNumber: personId(person) });
}
