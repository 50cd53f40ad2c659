/**
 * gjj eval's input file: one application (a JSON object), several (a JSON array), or JSON lines (one application
 * per line, as an auditor exports a day's decisions), so a batch is re-run in one process.
 */
import { UsageError } from './args';

export interface EvalInput {
  /** False for a single JSON object: the output stays the single decision it always was. */
  batch: boolean;
  applications: Record<string, unknown>[];
}

export function parseEvalInput(text: string, file: string): EvalInput {
  const trimmed = text.trim();
  if (!trimmed) throw new UsageError(`申请文件 ${file} 是空的`);
  try {
    const v = JSON.parse(trimmed) as unknown;
    if (Array.isArray(v)) return { batch: true, applications: v.map((a, i) => objectAt(a, i + 1, file)) };
    return { batch: false, applications: [objectAt(v, 1, file)] };
  } catch (e) {
    if (e instanceof UsageError) throw e;
  }
  const applications: Record<string, unknown>[] = [];
  trimmed.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      throw new UsageError(`申请文件 ${file} 第${i + 1}行不是有效的 JSON：${(e as Error).message}`);
    }
    applications.push(objectAt(v, i + 1, file, '行'));
  });
  return { batch: true, applications };
}

function objectAt(v: unknown, n: number, file: string, unit = '份'): Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new UsageError(`申请文件 ${file} 第${n}${unit}不是 JSON 对象`);
  return v as Record<string, unknown>;
}
