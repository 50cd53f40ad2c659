/** Whether a role may make a call: the contract's `roles` decide, so buttons never offer what the server refuses. */
import { calls, PUBLIC, type CallName } from '../../shared/contract/calls';
import type { Role } from '../../shared/roles';

export function can(role: Role, name: CallName): boolean {
  const roles = calls[name].roles;
  return roles === PUBLIC || roles.includes(role);
}
