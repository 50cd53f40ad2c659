import { Alert, Button, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { WithdrawalAppDto } from '../../../../shared/contract/dto';
import { api, newKey } from '../../api';
import { applyError } from '../../forms';
import { can } from '../../permissions';
import { useSession } from '../../session';

type Person = 'member' | 'spouse';
interface Check {
  source?: string;
  result?: 'clear' | 'listed';
  reference?: string;
  checkedBy?: string;
  checkedAt?: string;
}
const WHO: Record<Person, string> = { member: '申请人', spouse: '配偶' };
const ROOT: Record<Person, 'memberExtra' | 'spouseExtra'> = { member: 'memberExtra', spouse: 'spouseExtra' };

/**
 * 失信惩戒查询 (乌鲁木齐, 004 一、(一)): 审批 waits for it (uq.flow.dishonestCheck). Shows each person's recorded query, and
 * lets the clerk, reviewer or approver record a missing one; who and when are written by the service.
 */
export function DishonestCheckPanel(props: { app: WithdrawalAppDto; onChanged(app: WithdrawalAppDto): void }) {
  const { operator, center } = useSession();
  const a = props.app;
  const [person, setPerson] = useState<Person | null>(null);
  if (center.id !== 'urumqi' || a.caseId === 'death') return null;
  const facts = a.facts as Record<string, { dishonestCheck?: Check } | boolean | undefined>;
  const people: Person[] = facts.includeSpouse === true ? ['member', 'spouse'] : ['member'];
  const checkOf = (p: Person) => (facts[ROOT[p]] as { dishonestCheck?: Check } | undefined)?.dishonestCheck;
  const missing = people.filter((p) => !checkOf(p));
  const open = ['草稿', '退回', '待复核', '待审批', '已审批'].includes(a.state);
  const mayRecord = open && can(operator.role, 'withdrawal.recordDishonestCheck');
  return (
    <div data-testid="dishonest-panel" style={{ marginBottom: 12 }}>
      {missing.length > 0 && open ? (
        <Alert
          type="warning"
          showIcon
          data-testid="dishonest-missing"
          title={`${a.state === '已审批' ? '支付' : '审批'}前须记录${missing.map((p) => WHO[p]).join('和')}的失信惩戒查询结果`}
          description="依据：乌鲁木齐住房公积金提取政策 一、(一)申请人处于失信惩戒期内的,不可提取本人住房公积金。"
          action={
            mayRecord ? (
              <Space direction="vertical">
                {missing.map((p) => (
                  <Button key={p} size="small" data-testid={`dishonest-record-${p}`} onClick={() => setPerson(p)}>
                    记录{WHO[p]}查询
                  </Button>
                ))}
              </Space>
            ) : undefined
          }
        />
      ) : null}
      {people
        .filter((p) => checkOf(p))
        .map((p) => {
          const c = checkOf(p)!;
          return (
            <Typography.Paragraph key={p} data-testid={`dishonest-recorded-${p}`} type={c.result === 'listed' ? 'danger' : 'secondary'} style={{ marginBottom: 4 }}>
              {WHO[p]}失信惩戒查询：{c.source}，{c.result === 'listed' ? '处于失信惩戒期' : '未列入'}
              {c.reference ? `，编号 ${c.reference}` : ''}
              {c.checkedBy ? `（${c.checkedBy} ${c.checkedAt?.slice(0, 10) ?? ''} 记录）` : ''}
            </Typography.Paragraph>
          );
        })}
      {person && <RecordModal app={a} person={person} onClose={() => setPerson(null)} onDone={(r) => (setPerson(null), props.onChanged(r))} />}
    </div>
  );
}

function RecordModal(props: { app: WithdrawalAppDto; person: Person; onClose(): void; onDone(app: WithdrawalAppDto): void }) {
  const [form] = Form.useForm<{ source: string; result: 'clear' | 'listed'; reference?: string }>();
  const [key] = useState(() => newKey('dishonest'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      props.onDone(await api('withdrawal.recordDishonestCheck', { applicationId: props.app.id, person: props.person, source: v.source, result: v.result, ...(v.reference ? { reference: v.reference } : {}), idempotencyKey: key }));
    } catch (e) {
      setError(applyError(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`记录${WHO[props.person]}失信惩戒查询`}
      okText="记 录"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={props.onClose}
      okButtonProps={{ 'data-testid': 'dishonest-modal-ok' } as never}
      data-testid="dishonest-modal"
    >
      <Form form={form} layout="vertical" initialValues={{ source: '信用中国', result: 'clear' }}>
        <Form.Item label="查询来源" name="source" rules={[{ required: true, message: '请填写查询来源' }]}>
          <Input maxLength={60} placeholder="信用中国、全国法院失信被执行人名单" />
        </Form.Item>
        <Form.Item label="查询结果" name="result" rules={[{ required: true, message: '请选择查询结果' }]}>
          <Radio.Group>
            <Radio value="clear">未列入</Radio>
            <Radio value="listed">处于失信惩戒期</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item label="查询记录编号" name="reference">
          <Input maxLength={60} />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">查询人和查询时间由系统按当前登录记录。</Typography.Text>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
