import { Alert, App, Button, Card, Empty, Flex, Form, Input, List, Modal, Popconfirm, Radio, Spin, Switch, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { NoticeDto } from '../../../shared/contract/dto';
import { api, newKey } from '../api';
import { PageTitle } from '../components/PageTitle';
import { chinaDateTime } from '../format';
import { applyError } from '../forms';
import { can } from '../permissions';
import { useSession } from '../session';

type Kind = NoticeDto['kind'];
const KINDS: Kind[] = ['公告', '中心动态'];

interface PostValues {
  kind: Kind;
  title: string;
  body: string;
}

function PostNotice(props: { kind: Kind; open: boolean; onClose(): void; onPosted(n: NoticeDto): void }) {
  const [form] = Form.useForm<PostValues>();
  const [key, setKey] = useState(() => newKey('notice'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: PostValues) => {
    setBusy(true);
    setError(null);
    try {
      const n = await api('notices.post', { ...v, idempotencyKey: key });
      form.resetFields();
      setKey(newKey('notice'));
      props.onPosted(n);
    } catch (e) {
      setError(applyError(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="发布资讯" open={props.open} onCancel={props.onClose} footer={null} destroyOnHidden width={720}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<PostValues> form={form} layout="vertical" initialValues={{ kind: props.kind }} onFinish={submit}>
        <Form.Item label="类别" name="kind" rules={[{ required: true, message: '请选择类别' }]}>
          <Radio.Group optionType="button" options={KINDS.map((k) => ({ label: k, value: k }))} />
        </Form.Item>
        <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请填写标题' }, { max: 80, message: '标题不超过80字' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="正文" name="body" rules={[{ required: true, whitespace: true, message: '请填写正文' }, { max: 5000, message: '正文不超过5000字' }]}>
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} showCount maxLength={5000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          发布
        </Button>
      </Form>
    </Modal>
  );
}

/** 资讯 as the mobile app's menu shows it: 公告 and 中心动态, newest first; administrators post and withdraw. */
export function NoticesPage() {
  const { operator } = useSession();
  const { message } = App.useApp();
  const [kind, setKind] = useState<Kind>('公告');
  const [rows, setRows] = useState<NoticeDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [posting, setPosting] = useState(false);
  const [showWithdrawn, setShowWithdrawn] = useState(false);
  const canPost = can(operator.role, 'notices.post');

  const load = useCallback(() => {
    setRows(null);
    setError(null);
    api('notices.list', { kind, includeWithdrawn: canPost && showWithdrawn }).then(setRows, (e: Error) => setError(e.message));
  }, [kind, canPost, showWithdrawn]);
  useEffect(load, [load]);

  const withdraw = async (n: NoticeDto) => {
    try {
      await api('notices.withdraw', { noticeId: n.id, idempotencyKey: newKey('notice-withdraw') });
      message.success(`已撤回“${n.title}”`);
      load();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const list =
    rows === null && !error ? (
      <Spin style={{ display: 'block', margin: 32 }} />
    ) : (
      <List<NoticeDto>
        data-testid="notices"
        dataSource={rows ?? []}
        locale={{ emptyText: <Empty description={`暂无${kind}`} /> }}
        renderItem={(n) => (
          <List.Item data-testid={`notice-${n.id}`} style={{ display: 'block' }}>
            <Flex justify="space-between" align="baseline" gap={12}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {n.title} {n.withdrawn && <Tag>已撤回</Tag>}
              </Typography.Title>
              {canPost && !n.withdrawn && (
                <Popconfirm title="撤回后柜员将看不到这条资讯，确定撤回？" okText="撤回" cancelText="取消" onConfirm={() => withdraw(n)}>
                  <Button type="link" danger size="small">
                    撤回
                  </Button>
                </Popconfirm>
              )}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {chinaDateTime(n.publishedAt)} · {n.author}
            </Typography.Text>
            <Typography.Paragraph
              style={{ whiteSpace: 'pre-wrap', marginTop: 8, marginBottom: 0, maxWidth: 860, lineHeight: 1.8 }}
              ellipsis={{ rows: 4, expandable: 'collapsible', symbol: (expanded: boolean) => (expanded ? '收起' : '展开全文') }}
            >
              {n.body}
            </Typography.Paragraph>
          </List.Item>
        )}
      />
    );

  return (
    <>
      <PageTitle
        title="资讯"
        extra={
          canPost && (
            <Button type="primary" onClick={() => setPosting(true)}>
              发布资讯
            </Button>
          )
        }
      />
      <Card>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Tabs
          activeKey={kind}
          onChange={(k) => setKind(k as Kind)}
          items={KINDS.map((k) => ({ key: k, label: k, children: list }))}
          tabBarExtraContent={
            canPost && (
              <span>
                <Switch size="small" checked={showWithdrawn} onChange={setShowWithdrawn} /> 显示已撤回
              </span>
            )
          }
        />
      </Card>
      <PostNotice
        kind={kind}
        open={posting}
        onClose={() => setPosting(false)}
        onPosted={(n) => {
          setPosting(false);
          message.success(`已发布${n.kind}“${n.title}”`);
          if (n.kind === kind) load();
          else setKind(n.kind);
        }}
      />
    </>
  );
}
