/** Shows a contract error beside the field it names (antd Form), or as a message when it names none. */
import type { FormInstance } from 'antd';
import { ApiError } from './api';

export function applyError(form: FormInstance | null, err: unknown, fieldMap: Record<string, string> = {}): string | null {
  const e = err instanceof ApiError ? err : null;
  const message = e?.message ?? (err instanceof Error ? err.message : String(err));
  if (form && e?.field) {
    const name = fieldMap[e.field] ?? e.field;
    if (form.getFieldInstance(name) !== undefined || form.getFieldsValue(true)[name] !== undefined) {
      form.setFields([{ name, errors: [message] }]);
      return null;
    }
  }
  return message;
}
