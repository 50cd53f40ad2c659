/**
 * What the renderer shows beside the decisions: a case as the intake form needs it, and a 办事指南.
 */
import type { CenterId } from '../centers/types';
import type { ApplicationKind, SeedRef } from './types';

export interface CaseView {
  id: string;
  kind: ApplicationKind;
  name: string;
  group: string;
  fields: { path: string; label: string }[];
  materials: { id: string; text: string; when: string | null; source: SeedRef }[];
  source: SeedRef;
}

export interface GuideItem {
  ruleId: string;
  title: string;
  /** The seed's own words. */
  clause: string;
  note: string | null;
}

export interface Guide {
  center: CenterId;
  centerName: string;
  kind: ApplicationKind;
  caseId: string;
  title: string;
  group: string;
  basis: SeedRef;
  conditions: GuideItem[];
  timeLimits: GuideItem[];
  amountLimits: GuideItem[];
  materials: { text: string; when: string | null; source: SeedRef }[];
  procedures: { title: string; steps: { no: number; text: string; source: SeedRef }[] }[];
  contact: {
    name: string;
    address: string;
    hours: string;
    hotline: string;
    website: string;
    branches: { name: string; address: string; hours: string; phone: string }[];
    /** Online query channels and the 12329 line (乌鲁木齐 004 网上查询 / 查询电话). */
    selfService?: import('../centers/types').SelfService;
  };
  /** The date whose parameters the guide shows. */
  asOf: string;
}
