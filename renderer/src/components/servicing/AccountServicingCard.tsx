import { Button, Card, DatePicker, Descriptions, Flex, Form, Input, Space, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { MemberDetail, MemberEventDto } from '../../../../shared/contract/dto';
import { api, newKey } from '../../api';
import { chinaToday, yuanRule, yuanToFen } from '../../format';
import { can } from '../../permissions';
import { useSession } from '../../session';
import { EmployerPicker } from '../EmployerPicker';
import { Money } from '../Money';
import { PrintPdfButton } from './PrintPdfButton';
import { ResultModal } from './ResultModal';

type Action = 'seal' | 'unseal' | 'transfer' | null;
const ACTION_COLORS: Record<string, string> = { 封存: 'orange', 启封: 'green', 转出: 'gray' };

/**
 * 账户业务 on the member page: 封存 / 启封 / 转出 as the account's status allows and the role may call, the 缴存证明
 * and 缴存明细 prints for every post, and the 账户变动 timeline (members.events). The service answers with the member
 * as it now stands, which the page shows.
 */
export function AccountServicingCard(props: { member: MemberDetail; onChange: (m: MemberDetail) => void }) {
  const m = props.member;
  const role = useSession().operator.role;
  const [open, setOpen] = useState<Action>(null);
  const [events, setEvents] = useState<MemberEventDto[] | null>(null);
  const [updated, setUpdated] = useState<MemberDetail | null>(null);

  useEffect(() => {
    api('members.events', { memberId: m.id }).then(setEvents, () => setEvents([]));
  }, [m.id, m.status]);

  const closed = (changed: boolean) => {
    setOpen(null);
    if (changed && updated) props.onChange(updated);
  };

  return (
    <Card title="账户业务" data-testid="account-servicing" style={{ marginBottom: 16 }}>
      <Flex gap={12} wrap align="start" style={{ marginBottom: 16 }}>
        {m.status === '正常' && can(role, 'members.seal') && (
          <Button onClick={() => setOpen('seal')} data-testid="member-seal">
            封存
          </Button>
        )}
        {m.status === '封存' && can(role, 'members.unseal') && (
          <Button type="primary" onClick={() => setOpen('unseal')} data-testid="member-unseal">
            启封
          </Button>
        )}
        {m.status === '封存' && can(role, 'members.transferOut') && (
          <Button danger onClick={() => setOpen('transfer')} data-testid="member-transfer">
            转出
          </Button>
        )}
        <PrintPdfButton label="打印缴存证明" testId="print-certificate" print={() => api('print.member', { memberId: m.id, form: 'certificate' })} />
        <PrintPdfButton label="打印缴存明细" testId="print-statement" print={() => api('print.member', { memberId: m.id, form: 'statement' })} />
      </Flex>
      <Typography.Title level={5}>账户变动</Typography.Title>
      {events && events.length === 0 && <Typography.Text type="secondary">开户以来无封存、启封或转出</Typography.Text>}
      {events && events.length > 0 && (
        <Timeline
          data-testid="member-events"
          items={events.map((e, i) => ({
            key: i,
            color: ACTION_COLORS[e.action] ?? 'blue',
            title: e.date,
            content: (
              <span>
                <b>{e.action}</b>
                {e.fromEmployer && `　原单位：${e.fromEmployer}`}
                {e.toEmployer && `　新单位：${e.toEmployer}`}
                {e.reason && `　${e.reason}`}
                {e.operator && <Typography.Text type="secondary">（经办：{e.operator}）</Typography.Text>}
              </span>
            ),
          }))}
        />
      )}
      {open === 'seal' && <SealModal member={m} onDone={setUpdated} onClose={closed} />}
      {open === 'unseal' && <UnsealModal member={m} onDone={setUpdated} onClose={closed} />}
      {open === 'transfer' && <TransferModal member={m} onDone={setUpdated} onClose={closed} />}
    </Card>
  );
}

type ModalProps = { member: MemberDetail; onDone: (m: MemberDetail) => void; onClose: (changed: boolean) => void };

function SealModal({ member, onDone, onClose }: ModalProps) {
  const [key] = useState(() => newKey('seal'));
  return (
    <ResultModal<{ reason: string; date?: Dayjs }, MemberDetail>
      title={`封存 · ${member.name}`}
      okText="确认封存"
      testId="seal-modal"
      initialValues={{ date: dayjs(chinaToday()) }}
      onClose={onClose}
      send={async (v) => {
        const r = await api('members.seal', { memberId: member.id, reason: v.reason, ...(v.date ? { date: v.date.format('YYYY-MM-DD') } : {}), idempotencyKey: key });
        onDone(r);
        return r;
      }}
      form={() => (
        <>
          <Form.Item label="封存原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写封存原因' }]}>
            <Input placeholder="如：与原单位解除劳动关系" maxLength={200} />
          </Form.Item>
          <Form.Item label="封存日期" name="date">
            <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') > chinaToday()} />
          </Form.Item>
        </>
      )}
      result={(r) => <Typography.Text data-testid="seal-result">已封存，账户状态：{r.status}；余额 <Money fen={r.balanceFen} /> 元继续计息。</Typography.Text>}
    />
  );
}

function UnsealModal({ member, onDone, onClose }: ModalProps) {
  const [key] = useState(() => newKey('unseal'));
  return (
    <ResultModal<{ employerId: number; baseYuan: string; date?: Dayjs }, MemberDetail>
      title={`启封 · ${member.name}`}
      okText="确认启封"
      testId="unseal-modal"
      initialValues={{ date: dayjs(chinaToday()) }}
      fieldMap={{ baseFen: 'baseYuan' }}
      onClose={onClose}
      send={async (v) => {
        const base = yuanToFen(v.baseYuan, '缴存基数');
        if ('error' in base) throw new Error(base.error);
        const r = await api('members.unseal', { memberId: member.id, employerId: v.employerId, baseFen: base.fen, ...(v.date ? { date: v.date.format('YYYY-MM-DD') } : {}), idempotencyKey: key });
        onDone(r);
        return r;
      }}
      form={() => (
        <>
          <Form.Item label="新单位" name="employerId" rules={[{ required: true, message: '请选择新单位' }]}>
            <EmployerPicker />
          </Form.Item>
          <Form.Item label="缴存基数" name="baseYuan" rules={[yuanRule('缴存基数')]}>
            <Input suffix="元" autoComplete="off" inputMode="decimal" />
          </Form.Item>
          <Form.Item label="启封日期" name="date">
            <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') > chinaToday()} />
          </Form.Item>
        </>
      )}
      result={(r) => (
        <Typography.Text data-testid="unseal-result">
          已启封，现单位：{r.employer.name}；月缴存额 <Money fen={r.monthlyEmployeeFen + r.monthlyEmployerFen} /> 元。
        </Typography.Text>
      )}
    />
  );
}

function TransferModal({ member, onDone, onClose }: ModalProps) {
  const [key] = useState(() => newKey('transfer'));
  return (
    <ResultModal<{ toCenter: string; reason: string }, { member: MemberDetail; entryNo: string; interestFen: number; totalFen: number }>
      title={`转出 · ${member.name}`}
      okText="确认转出"
      danger
      testId="transfer-modal"
      onClose={onClose}
      send={async (v) => {
        const r = await api('members.transferOut', { memberId: member.id, toCenter: v.toCenter, reason: v.reason, idempotencyKey: key });
        onDone(r.member);
        return r;
      }}
      form={() => (
        <>
          <Typography.Paragraph type="secondary">转出时结计利息至今日，连同余额一并划转转入中心，账户随即销户。</Typography.Paragraph>
          <Form.Item label="转入中心" name="toCenter" rules={[{ required: true, whitespace: true, message: '请填写转入中心' }]}>
            <Input placeholder="如：石嘴山市住房公积金管理中心" maxLength={60} />
          </Form.Item>
          <Form.Item label="转出原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写转出原因' }]}>
            <Input placeholder="如：异地就业" maxLength={200} />
          </Form.Item>
        </>
      )}
      result={(r) => (
        <Space orientation="vertical">
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              { key: 'i', label: '结计利息（元）', children: <Money fen={r.interestFen} /> },
              { key: 't', label: '转出金额（元）', children: <Money fen={r.totalFen} strong testId="transfer-total" /> },
              { key: 'n', label: '凭证号', children: r.entryNo },
              { key: 's', label: '账户状态', children: r.member.status },
            ]}
          />
          <Typography.Text type="secondary">异地贷款需要的缴存证明、缴存明细可在本页打印。</Typography.Text>
        </Space>
      )}
    />
  );
}
