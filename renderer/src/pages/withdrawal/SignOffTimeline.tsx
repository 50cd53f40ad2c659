import { Descriptions, Timeline, Typography } from 'antd';
import type { SignOff, WithdrawalAppDto } from '../../../../shared/contract/dto';
import { chinaDateTime } from '../../format';
import { ACTION_LABELS, STATE_COLORS } from './labels';

const signed = (s: SignOff | null) => (s ? `${s.name}　${chinaDateTime(s.at)}` : '—');

/** 三级审批 as it happened: who entered, submitted, reviewed, approved and paid, then every event in order. */
export function SignOffTimeline(props: { app: WithdrawalAppDto }) {
  const a = props.app;
  return (
    <>
      <Descriptions
        data-testid="sign-offs"
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'c', label: '受理（经办）', children: signed(a.created) },
          { key: 's', label: '提交复核', children: signed(a.submitted) },
          { key: 'r', label: '复核', children: signed(a.reviewed) },
          { key: 'a', label: '审批', children: signed(a.approved) },
          { key: 'p', label: '支付', children: signed(a.paid) },
          ...(a.reversal
            ? [
                { key: 'rr', label: '申请冲正', children: signed(a.reversal.requested) },
                { key: 'rv', label: '冲正复核', children: signed(a.reversal.reviewed) },
              ]
            : []),
        ]}
      />
      <Timeline
        data-testid="timeline"
        items={a.events.map((e, i) => ({
          key: i,
          color: STATE_COLORS[e.toState] === 'default' ? 'gray' : e.action.endsWith('return') || e.action === 'cancel' ? 'red' : 'blue',
          content: (
            <div data-testid="timeline-event">
              <Typography.Text strong>{ACTION_LABELS[e.action] ?? e.action}</Typography.Text>
              <Typography.Text style={{ marginLeft: 8 }}>{e.operatorName || '系统'}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {chinaDateTime(e.at)}
              </Typography.Text>
              <div style={{ color: '#555' }}>
                {e.fromState ? `${e.fromState} → ${e.toState}` : `→ ${e.toState}`}
                {e.note ? `；${e.note}` : ''}
              </div>
            </div>
          ),
        }))}
      />
    </>
  );
}
