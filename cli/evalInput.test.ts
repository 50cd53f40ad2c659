import { describe, expect, it } from 'vitest';
import { UsageError } from './args';
import { parseEvalInput } from './evalInput';

describe('gjj eval input: one application, an array or JSON lines', () => {
  it('keeps a single object a single application', () => {
    expect(parseEvalInput('{"caseId":"rent"}', 'a.json')).toEqual({ batch: false, applications: [{ caseId: 'rent' }] });
  });
  it('reads an array and JSON lines (blank lines skipped) as a batch', () => {
    expect(parseEvalInput('[{"a":1},{"a":2}]', 'a.json')).toEqual({ batch: true, applications: [{ a: 1 }, { a: 2 }] });
    expect(parseEvalInput('{"a":1}\n\n{"a":2}\n', 'a.jsonl')).toEqual({ batch: true, applications: [{ a: 1 }, { a: 2 }] });
  });
  it('names the bad line or element in Chinese', () => {
    expect(() => parseEvalInput('{"a":1}\n{oops}', 'a.jsonl')).toThrow(/第2行不是有效的 JSON/);
    expect(() => parseEvalInput('[{"a":1}, 3]', 'a.json')).toThrow(/第2份不是 JSON 对象/);
    expect(() => parseEvalInput('  ', 'a.json')).toThrow(UsageError);
  });
});
