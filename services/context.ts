/**
 * What every service receives: the database, the center's configuration and a clock. Tests pass a frozen clock;
 * nothing in services reads Date.now() directly, so a run can be replayed.
 */
import type { CenterConfig } from '../shared/centers';
import { chinaDate } from '../shared/dates';
import type { Db } from '../db/connection';
import type { Role } from '../shared/roles';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let at = new Date(iso);
  return { now: () => at, set: (next) => (at = new Date(next)) };
}

export interface Operator {
  id: number;
  login: string;
  name: string;
  role: Role;
  branchCode: string;
  /** The terminal (柜台终端) the operator's session came from on a branch host; recorded on journal entries. */
  terminal?: string;
}

export interface ServiceContext {
  db: Db;
  center: CenterConfig;
  clock: Clock;
}

export function today(ctx: ServiceContext): string {
  return chinaDate(ctx.clock.now());
}

export function nowIso(ctx: ServiceContext): string {
  return ctx.clock.now().toISOString();
}

/** The operator recorded for actions run by the system itself (batch jobs, demo data) rather than a person. */
export const SYSTEM_OPERATOR: Operator = { id: 0, login: 'system', name: '系统', role: 'admin', branchCode: '' };
