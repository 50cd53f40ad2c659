/**
 * Forms never lose work (issue 12). While the clerk types, the form's values are saved as a draft in the branch
 * database (draft.save, 1 s after typing stops, never awaited by the form); when the form opens again — F5, Back,
 * another menu item, another terminal of the same host — the draft is put back. Leaving a form with typed data asks
 * first (a Chinese confirm for the menu, links and Back; the browser's own question for F5 and closing). Submitting
 * (clear) or 放弃草稿 (discard) removes the draft.
 */
import { Alert, App, Button, Space } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { DRAFT_FORM_LABELS, type DraftForm } from '../../../shared/contract/drafts';
import { api } from '../api';
import { chinaDateTime } from '../format';
import { setLeaveGuard } from '../router';
import { decodeDraft, encodeDraft } from './draftValues';

export const DRAFT_DELAY_MS = 1000;

export interface FormDraftOptions {
  form: DraftForm;
  /** '' for a new form; the application's id once there is one. */
  scope: string;
  /** The page has loaded what it shows without a draft (the application, the member …): restore only then. */
  ready: boolean;
  /** The values to keep (usually the antd form's getFieldsValue(true), plus what lives outside the form). */
  values: () => unknown;
  /** Puts a draft's values back. */
  restore: (values: Record<string, unknown>) => void | Promise<void>;
  /** What 待办 shows for the draft (a name, a case). */
  title?: () => string;
}

export interface FormDraft {
  /** Call on every change the clerk makes. */
  touched(): void;
  /** The form was submitted: the draft is no longer needed. */
  clear(): Promise<void>;
  dirty: boolean;
  /** The banner after a restore, with 放弃草稿. */
  banner: React.ReactNode;
}


export function useFormDraft(o: FormDraftOptions): FormDraft {
  const { modal } = App.useApp();
  const [dirty, setDirty] = useState(false);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [saveFailed, setSaveFailed] = useState(false);
  const opts = useRef(o);
  opts.current = o;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const dirtyRef = useRef(false);
  const restoredScope = useRef<string | null>(null);
  const guardOff = useRef<(() => void) | null>(null);

  const save = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!dirtyRef.current) return;
    const { form, scope, values, title } = opts.current;
    try {
      const data = encodeDraft(values()) as Record<string, unknown>;
      await api('draft.save', { form, scope, title: (title?.() ?? DRAFT_FORM_LABELS[form]).slice(0, 100), data });
      setSaveFailed(false);
    } catch {
      setSaveFailed(true);
    }
  }, []);

  const touched = useCallback(() => {
    dirtyRef.current = true;
    setDirty(true);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), DRAFT_DELAY_MS);
  }, [save]);

  const clean = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    dirtyRef.current = false;
    // At once, not after the next render: the page may navigate right after submitting.
    guardOff.current?.();
    guardOff.current = null;
    setDirty(false);
    setRestoredAt(null);
  }, []);

  const clear = useCallback(async () => {
    clean();
    await api('draft.discard', { form: opts.current.form, scope: opts.current.scope }).catch(() => undefined);
  }, [clean]);

  // Restore once per scope, when the page is ready.
  useEffect(() => {
    if (!o.ready || restoredScope.current === o.scope) return;
    restoredScope.current = o.scope;
    let gone = false;
    void api('draft.get', { form: o.form, scope: o.scope }).then(
      async ({ draft }) => {
        if (gone || !draft) return;
        await opts.current.restore(decodeDraft(draft.data) as Record<string, unknown>);
        dirtyRef.current = true;
        setDirty(true);
        setRestoredAt(draft.updatedAt);
      },
      () => undefined,
    );
    return () => {
      gone = true;
    };
  }, [o.ready, o.scope, o.form]);

  // F5, closing the window: the browser's own question (a pending save is sent at once).
  useEffect(() => {
    if (!dirty) return;
    const onUnload = (e: BeforeUnloadEvent) => {
      if (!dirtyRef.current) return;
      void save();
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [dirty, save]);

  // The menu, a link, Back: a Chinese confirm.
  useEffect(() => {
    if (!dirty) return;
    const off = setLeaveGuard(() =>
      !dirtyRef.current
        ? Promise.resolve(true)
        : new Promise<boolean>((resolve) => {
          void save();
          modal.confirm({
            title: `离开“${DRAFT_FORM_LABELS[opts.current.form]}”？`,
            content: '已填写的内容尚未提交，已存为草稿：可在“待办 → 我的草稿”中继续办理。',
            okText: '离开（保留草稿）',
            cancelText: '留在本页',
            onOk: () => resolve(true),
            onCancel: () => resolve(false),
          });
        }),
    );
    guardOff.current = off;
    return off;
  }, [dirty, modal, save]);

  // A pending save is not lost when the page unmounts.
  useEffect(() => () => void (dirtyRef.current && timer.current && save()), [save]);

  const banner =
    restoredAt || saveFailed ? (
      <Alert
        data-testid="draft-restored"
        type={saveFailed ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={saveFailed ? '草稿暂未能保存（连接中断？）：请勿关闭本页，恢复连接后继续输入即可保存' : `已恢复 ${chinaDateTime(restoredAt!)} 保存的草稿`}
        action={
          restoredAt && (
            <Space>
              <Button
                size="small"
                danger
                data-testid="draft-discard"
                onClick={() =>
                  modal.confirm({
                    title: '放弃这份草稿？',
                    content: '草稿中填写的内容将被删除，表单恢复为空白。',
                    okText: '放弃草稿',
                    okButtonProps: { danger: true },
                    cancelText: '保留',
                    onOk: async () => {
                      await clear();
                      window.location.reload();
                    },
                  })
                }
              >
                放弃草稿
              </Button>
            </Space>
          )
        }
      />
    ) : null;

  return { touched, clear, dirty, banner };
}
