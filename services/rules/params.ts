/**
 * Policy parameters as dated data. Each parameter is a series of values, each in force from its date; a decision
 * reads the value in force on the application date, so a past application re-runs under the policy of its day.
 * Administrators add dated overrides (a new cap from a given date, say) as data; they are checked against the
 * parameter's schema and win over the pack's own value from their date on.
 */
import type { z } from 'zod';
import type { ParamInfo, ParamOverride, ParamUse, SeedRef } from '../../shared/rules/types';
import { isCalendarDate } from '../../shared/rules/primitives';
import { RulesInputError } from './errors';

export interface ParamEntry<T> {
  effectiveFrom: string;
  value: T;
  /** The seed clause the value comes from; null for values the seeds do not state (see note). */
  source: SeedRef | null;
  note?: string;
}

export interface ParamDef<T = unknown> {
  id: string;
  label: string;
  schema: z.ZodType<T>;
  series: ParamEntry<T>[];
}

export function defineParam<T>(def: ParamDef<T>): ParamDef<T> {
  return def;
}

interface Resolved {
  value: unknown;
  effectiveFrom: string;
  overridden: boolean;
  note?: string;
}

export class ParamReader {
  private readonly defs = new Map<string, ParamDef>();
  private readonly overrides = new Map<string, ParamOverride[]>();
  readonly used = new Map<string, ParamUse>();

  constructor(
    defs: readonly ParamDef[],
    readonly date: string,
    overrides: readonly ParamOverride[] = [],
  ) {
    for (const d of defs) this.defs.set(d.id, d);
    for (const o of overrides) {
      const def = this.defs.get(o.paramId);
      if (!def) throw new RulesInputError([{ path: 'overrides', label: '参数覆盖', message: `参数覆盖：未知的参数「${o.paramId}」` }]);
      if (!isCalendarDate(o.effectiveFrom)) {
        throw new RulesInputError([
          { path: 'overrides', label: '参数覆盖', message: `参数覆盖「${o.paramId}」：生效日期「${o.effectiveFrom}」不是有效日期` },
        ]);
      }
      const check = def.schema.safeParse(o.value);
      if (!check.success) {
        throw new RulesInputError([
          { path: 'overrides', label: '参数覆盖', message: `参数覆盖「${o.paramId}」（${def.label}）：取值不符合该参数的格式` },
        ]);
      }
      const list = this.overrides.get(o.paramId) ?? [];
      list.push({ ...o, value: check.data });
      this.overrides.set(o.paramId, list);
    }
  }

  private resolve(id: string): Resolved {
    const def = this.defs.get(id);
    if (!def) throw new Error(`policy pack bug: unknown parameter ${id}`);
    let found: Resolved | null = null;
    for (const e of def.series) {
      if (e.effectiveFrom <= this.date && (!found || e.effectiveFrom >= found.effectiveFrom)) {
        found = { value: e.value, effectiveFrom: e.effectiveFrom, overridden: false, note: e.note };
      }
    }
    // An override dated the same day as a pack value wins: the administrator's entry is the later decision.
    for (const o of this.overrides.get(id) ?? []) {
      if (o.effectiveFrom <= this.date && (!found || o.effectiveFrom >= found.effectiveFrom)) {
        found = { value: o.value, effectiveFrom: o.effectiveFrom, overridden: true, note: o.note };
      }
    }
    if (!found) {
      const first = [...def.series].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
      throw new RulesInputError([
        {
          path: 'applicationDate',
          label: '申请日期',
          message: `申请日期：${this.date} 早于参数「${def.label}」的最早生效日期 ${first?.effectiveFrom ?? '（无）'}，无法按当日政策判定`,
        },
      ]);
    }
    return found;
  }

  get<T>(id: string): T {
    const r = this.resolve(id);
    const def = this.defs.get(id)!;
    this.used.set(id, { paramId: id, label: def.label, value: r.value, effectiveFrom: r.effectiveFrom, overridden: r.overridden, note: r.note });
    return r.value as T;
  }
}

export function paramInfo(def: ParamDef): ParamInfo {
  return {
    id: def.id,
    label: def.label,
    series: def.series.map((e) => ({ effectiveFrom: e.effectiveFrom, value: e.value, source: e.source, note: e.note ?? null })),
  };
}
