import { Alert } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { DraftSummary } from '../../../../shared/contract/drafts';
import { api } from '../../api';
import { PageTitle } from '../../components/PageTitle';
import { DraftsCard } from './DraftsCard';

/** 我的草稿 (menu): every form the signed-in operator started and has not submitted, on any terminal of this host. */
export function DraftsPage() {
  const [drafts, setDrafts] = useState<DraftSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api('draft.list', {}).then(setDrafts, (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);
  return (
    <>
      <PageTitle title="我的草稿" sub="填写到一半的表单，每停顿1秒自动保存；提交或放弃后删除。退回的申请见“待办”。" />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {drafts && <DraftsCard drafts={drafts} onChanged={load} title="未提交的表单" />}
    </>
  );
}
