import { App, Button, Card, Empty, Table } from 'antd';
import { DRAFT_FORM_PATHS, type DraftSummary } from '../../../../shared/contract/drafts';
import { api } from '../../api';
import { chinaDateTime } from '../../format';

/** Where a draft is continued: its form, with the application when there is one. */
export function draftLink(d: DraftSummary): string {
  const path = DRAFT_FORM_PATHS[d.form];
  if (!d.scope) return `#${path}`;
  return d.form === 'withdrawal.intake' ? `#${path}?applicationId=${d.scope}` : `#${path}?id=${d.scope}`;
}

/** 我的草稿: the signed-in operator's unsubmitted forms, to continue or to discard. */
export function DraftsCard(props: { drafts: DraftSummary[]; onChanged: () => void; title?: string }) {
  const { modal } = App.useApp();
  return (
    <Card size="small" title={props.title ?? `我的草稿（${props.drafts.length}）`} style={{ marginBottom: 12 }} data-testid="my-drafts">
      <Table<DraftSummary>
        size="small"
        rowKey={(d) => `${d.form}:${d.scope}`}
        dataSource={props.drafts}
        pagination={false}
        locale={{ emptyText: <Empty description="没有未提交的表单草稿" /> }}
        columns={[
          { title: '表单', dataIndex: 'formLabel', width: 100 },
          { title: '内容', dataIndex: 'title', render: (t: string, d) => <a href={draftLink(d)}>{t || d.formLabel}</a> },
          { title: '保存于', dataIndex: 'updatedAt', width: 170, render: (at: string) => chinaDateTime(at) },
          {
            title: '',
            key: 'actions',
            width: 150,
            render: (_: unknown, d) => (
              <>
                <Button size="small" type="link" href={draftLink(d)}>
                  继续办理
                </Button>
                <Button
                  size="small"
                  type="link"
                  danger
                  onClick={() =>
                    modal.confirm({
                      title: '放弃这份草稿？',
                      content: `“${d.title || d.formLabel}”中填写的内容将被删除。`,
                      okText: '放弃草稿',
                      okButtonProps: { danger: true },
                      cancelText: '保留',
                      onOk: async () => {
                        await api('draft.discard', { form: d.form, scope: d.scope });
                        props.onChanged();
                      },
                    })
                  }
                >
                  放弃
                </Button>
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
