/** Operators are people: what the contract returns about logins and the two-administrator change requests. */
import type { Role } from '../roles';

/** A request to create a login or change a role, waiting for (or decided by) a second administrator. */
export interface OperatorChangeRequestDto {
  id: number;
  kind: 'add' | 'role';
  kindLabel: string;
  status: '待确认' | '已确认' | '已驳回';
  operatorId: number | null;
  login: string;
  name: string;
  role: Role;
  roleLabel: string;
  fromRoleLabel: string | null;
  staffNo: string | null;
  idNumberMasked: string | null;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
}
