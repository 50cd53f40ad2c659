import type { CaseView } from '../../../shared/rules';

/** The case catalogue as Select options, under their groups (房屋类 / 非房屋类 …) as the guides list them. */
export function caseOptions(cases: readonly CaseView[]) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const c of cases) {
    if (!groups.has(c.group)) groups.set(c.group, []);
    groups.get(c.group)!.push({ value: c.id, label: c.name });
  }
  return [...groups].map(([label, options]) => ({ label, title: label, options }));
}
