import { Alert, Button, Card, Flex, Form, Input, List, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ExcessPaybackDto, MemberHoldsDto, RestrictionDto } from '../../../../shared/contract/conditions';
import { api, newKey } from '../../api';
import { chinaDateTime as atTextOf, yuanRule, yuanToFen } from '../../format';
import { can } from '../../permissions';
import { useSession } from '../../session';
import { Money } from '../Money';
import { ResultModal } from '../servicing/ResultModal';

type Open = { kind: 'restrict' } | { kind: 'lift'; r: RestrictionDto } | { kind: 'payback'; x: ExcessPaybackDto } | null;

/**
 * 账户限制与冻结 on the member page: the restriction an approver sets during an investigation (004: 可对申请人账户进行
 * 必要的限制) and its lifting by another person; the 联保 pledges frozen while the loan is repaid; the excess withdrawal
 * owed back (004: 应将超额提取部分补缴回…), with its payback. Shown only when something applies or can be done.
 */
export function MemberHoldsCard(props: { memberId: number; onChange?: () => void }) {
  const { operator, center } = useSession();
  const [holds, setHolds] = useState<MemberHoldsDto | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [n, setN] = useState(0);

  useEffect(() => {
    api('members.holds', { memberId: props.memberId }).then(setHolds, () => setHolds(null));
  }, [props.memberId, n]);

  const mayRestrict = center.id === 'urumqi' && can(operator.role, 'members.restrict');
  if (!holds) return null;
  const active = holds.restrictions.find((r) => r.active) ?? null;
  const nothing = holds.restrictions.length === 0 && holds.pledges.length === 0 && holds.excess.length === 0;
  if (nothing && !mayRestrict) return null;
  const closed = (changed: boolean) => {
    setOpen(null);
    if (changed) {
      setN((x) => x + 1);
      props.onChange?.();
    }
  };

  return (
    <Card title="账户限制与冻结" data-testid="member-holds" style={{ marginBottom: 16 }}>
      {active && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="restriction-active"
          title={`账户已限制：${active.reason}`}
          description={`${active.setBy} 于 ${atTextOf(active.setAt)} 设置；限制期间不能办理提取支付和转出。`}
          action={
            can(operator.role, 'members.liftRestriction') && (
              <Button size="small" onClick={() => setOpen({ kind: 'lift', r: active })} data-testid="restriction-lift">
                解除限制
              </Button>
            )
          }
        />
      )}
      {!active && mayRestrict && (
        <Flex style={{ marginBottom: 12 }}>
          <Button danger onClick={() => setOpen({ kind: 'restrict' })} data-testid="restriction-set">
            限制账户
          </Button>
        </Flex>
      )}
      {holds.pledges.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>联保冻结（联保期间不能使用所担保的金额）：合计 <Money fen={holds.frozenFen} /> 元</Typography.Text>}
          dataSource={holds.pledges}
          renderItem={(p) => (
            <List.Item>
              贷款 {p.contractNo}（借款人 {p.borrowerName}）担保 <Money fen={p.pledgedFen} /> 元　<Tag color={p.loanStatus === '还款中' ? 'red' : 'default'}>{p.loanStatus === '还款中' ? '冻结中' : '已结清解除'}</Tag>
            </List.Item>
          )}
        />
      )}
      {holds.excess.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>超额提取补缴（补缴后才能再申请提取或贷款）</Typography.Text>}
          dataSource={holds.excess}
          renderItem={(x) => (
            <List.Item
              data-testid={`excess-${x.id}`}
              actions={
                x.outstandingFen > 0 && can(operator.role, 'excess.payback')
                  ? [
                      <Button key="pay" size="small" type="primary" onClick={() => setOpen({ kind: 'payback', x })} data-testid={`excess-payback-${x.id}`}>
                        补缴
                      </Button>,
                    ]
                  : []
              }
            >
              应补缴 <Money fen={x.dueFen} /> 元，已补缴 <Money fen={x.paidFen} /> 元，尚欠 <Money fen={x.outstandingFen} strong /> 元
            </List.Item>
          )}
        />
      )}
      {holds.restrictions.filter((r) => !r.active).length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="restriction-history">
          {holds.restrictions
            .filter((r) => !r.active)
            .map((r) => `${atTextOf(r.setAt)} ${r.setBy}限制（${r.reason}），${atTextOf(r.liftedAt!)} ${r.liftedBy}解除（${r.liftReason}）`)
            .join('；')}
        </Typography.Paragraph>
      )}
      {open?.kind === 'restrict' && <ReasonModal title="限制账户" okText="确认限制" testId="restrict-modal" label="限制原因" placeholder="如：多次变更婚姻关系购房，正在进行真实性调查" onClose={closed} send={(reason, key) => api('members.restrict', { memberId: props.memberId, reason, idempotencyKey: key })} />}
      {open?.kind === 'lift' && <ReasonModal title="解除账户限制" okText="确认解除" testId="lift-modal" label="解除原因" placeholder="如：调查结束，未发现套取行为" onClose={closed} send={(reason, key) => api('members.liftRestriction', { restrictionId: open.r.id, reason, idempotencyKey: key })} />}
      {open?.kind === 'payback' && <PaybackModal x={open.x} onClose={closed} />}
    </Card>
  );
}

function ReasonModal(props: { title: string; okText: string; testId: string; label: string; placeholder: string; onClose: (changed: boolean) => void; send: (reason: string, key: string) => Promise<RestrictionDto> }) {
  const [key] = useState(() => newKey(props.testId));
  return (
    <ResultModal<{ reason: string }, RestrictionDto>
      title={props.title}
      okText={props.okText}
      testId={props.testId}
      danger={props.testId === 'restrict-modal'}
      onClose={props.onClose}
      send={(v) => props.send(v.reason, key)}
      form={() => (
        <Form.Item label={props.label} name="reason" rules={[{ required: true, whitespace: true, message: `请填写${props.label}` }]}>
          <Input.TextArea placeholder={props.placeholder} maxLength={300} rows={3} />
        </Form.Item>
      )}
      result={(r) => <Typography.Text>{r.active ? `已限制账户（${r.reason}）` : `已解除限制（${r.liftReason}）`}</Typography.Text>}
    />
  );
}

function PaybackModal(props: { x: ExcessPaybackDto; onClose: (changed: boolean) => void }) {
  const [key] = useState(() => newKey('excess'));
  return (
    <ResultModal<{ amountYuan: string }, ExcessPaybackDto & { entryNo: string }>
      title="超额提取补缴"
      okText="确认补缴"
      testId="payback-modal"
      fieldMap={{ amountFen: 'amountYuan' }}
      initialValues={{ amountYuan: (props.x.outstandingFen / 100).toFixed(2) }}
      onClose={props.onClose}
      send={async (v) => {
        const amount = yuanToFen(v.amountYuan, '补缴金额');
        if ('error' in amount) throw new Error(amount.error);
        return api('excess.payback', { paybackId: props.x.id, amountFen: amount.fen, idempotencyKey: key });
      }}
      form={() => (
        <Form.Item label="补缴金额" name="amountYuan" rules={[yuanRule('补缴金额')]}>
          <Input suffix="元" autoComplete="off" inputMode="decimal" />
        </Form.Item>
      )}
      result={(r) => (
        <Typography.Text data-testid="payback-result">
          已补缴入个人账户，凭证号 {r.entryNo}；尚欠 <Money fen={r.outstandingFen} /> 元。
        </Typography.Text>
      )}
    />
  );
}
