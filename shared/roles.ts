import type { Role } from '../db/schema';
export type { Role };

export const ROLES: readonly Role[] = ['clerk', 'reviewer', 'approver', 'admin'];
export const ROLE_LABELS: Record<Role, string> = { clerk: '经办', reviewer: '复核', approver: '审批', admin: '管理员' };
export const STAFF: readonly Role[] = ['clerk', 'reviewer', 'approver', 'admin'];
