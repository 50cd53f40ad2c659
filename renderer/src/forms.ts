/** Shows a contract error beside the field it names (antd Form), or returns it as a message when it names none. */
import type { FormInstance } from 'antd';
import { ApiError } from './api';

function hasField(form: FormInstance, name: string): boolean {
  // getFieldsError lists every registered Form.Item, including those still empty or without a ref-able input.
  return (
    form.getFieldsError().some((f) => f.name.join('.') === name) ||
    form.getFieldInstance(name) !== undefined ||
    form.getFieldsValue(true)[name] !== undefined
  );
}

/**
 * `fieldMap` maps contract field names to form field names where the form asks differently
 * (e.g. the contract's baseFen is typed in 元 as baseYuan). A nested path (memberIds.0) falls back to its head.
 */
export function applyError(form: FormInstance | null, err: unknown, fieldMap: Record<string, string> = {}): string | null {
  const e = err instanceof ApiError ? err : null;
  const message = e?.message ?? (err instanceof Error ? err.message : String(err));
  if (form && e?.field) {
    for (const candidate of [e.field, e.field.split('.')[0]!]) {
      const name = fieldMap[candidate] ?? candidate;
      if (hasField(form, name)) {
        form.setFields([{ name, errors: [message] }]);
        form.scrollToField(name, { block: 'center', focus: true });
        return null;
      }
    }
  }
  return message;
}
