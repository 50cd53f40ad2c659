/**
 * Turns schema errors into Chinese messages that name the field as the clerk sees it on the form
 * (职工姓名, 提取原因, 房屋购房合同签订日期), taken from the schemas' own descriptions so labels live in one place.
 */
import { z } from 'zod';

export interface FieldIssue {
  /** Dotted path, e.g. member.loans.0.settledDate */
  path: string;
  /** The field's Chinese label. */
  label: string;
  message: string;
}

type AnySchema = z.ZodType;

function metaOf(schema: AnySchema): { description?: string; labelPrefix?: boolean } {
  return (z.globalRegistry.get(schema) as { description?: string; labelPrefix?: boolean } | undefined) ?? {};
}

interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  element?: AnySchema;
  shape?: Record<string, AnySchema>;
}

/** Peels optional/default/nullable wrappers, collecting the first description and prefix flag met on the way. */
function unwrap(schema: AnySchema): { node: AnySchema; description?: string; prefix: boolean } {
  let node = schema;
  let description: string | undefined;
  let prefix = false;
  for (;;) {
    const meta = metaOf(node);
    description ??= meta.description;
    prefix ||= meta.labelPrefix === true;
    const def = (node as unknown as { def: Def }).def;
    if (['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type) && def.innerType) {
      node = def.innerType;
    } else if (def.type === 'pipe' && def.in) {
      node = def.in;
    } else {
      return { node, description, prefix };
    }
  }
}

/** The Chinese label of a path: the prefixes of the sections walked through, then the field's own label. */
export function labelForPath(root: AnySchema, path: readonly PropertyKey[]): string {
  let node: AnySchema | undefined = root;
  let label = '';
  let leaf = '';
  for (const key of path) {
    if (!node) break;
    const u = unwrap(node);
    const def = (u.node as unknown as { def: Def }).def;
    let child: AnySchema | undefined;
    if (def.type === 'object' && typeof key === 'string') child = def.shape?.[key];
    else if (def.type === 'array' && typeof key === 'number') {
      child = def.element;
      label += `${leaf}第${key + 1}项`;
      leaf = '';
      node = child;
      continue;
    }
    if (!child) {
      leaf = String(key);
      node = undefined;
      break;
    }
    const c = unwrap(child);
    if (c.prefix && c.description) {
      label += c.description;
      leaf = '';
    } else {
      leaf = c.description ?? String(key);
    }
    node = child;
  }
  return label + leaf || '申请';
}

const HAS_CJK = /[\u4e00-\u9fff]/;

function reason(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) return '必须填写';
  if (HAS_CJK.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `类型不正确（应为${typeName(issue.expected)}）`;
    case 'too_small':
      return issue.origin === 'array' ? `至少${issue.minimum}项` : `不得小于${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'array' ? `至多${issue.maximum}项` : `不得大于${issue.maximum}`;
    case 'invalid_format':
      return '格式不正确';
    case 'invalid_value':
      return `应为以下之一：${issue.values.map(String).join('、')}`;
    case 'unrecognized_keys':
      return `含有未知字段：${issue.keys.join('、')}`;
    default:
      return '填写不正确';
  }
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: '文字',
    number: '数字',
    int: '整数',
    boolean: '是/否',
    object: '对象',
    array: '列表',
  };
  return names[expected] ?? expected;
}

export function describeIssues(schema: AnySchema, error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const label = labelForPath(schema, issue.path);
    return { path: issue.path.map(String).join('.'), label, message: `${label}：${reason(issue)}` };
  });
}

/** Parses with the given schema; on failure returns the Chinese issues instead of throwing. */
export function safeParseApplication<S extends AnySchema>(
  schema: S,
  data: unknown,
): { ok: true; value: z.infer<S> } | { ok: false; issues: FieldIssue[] } {
  const r = schema.safeParse(data, { reportInput: true });
  if (r.success) return { ok: true, value: r.data as z.infer<S> };
  return { ok: false, issues: describeIssues(schema, r.error) };
}
