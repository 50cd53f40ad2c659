import { List, Popover, Tag } from 'antd';
import type { WithdrawalAppDto } from '../../../../shared/contract/dto';
import { DecisionPanel, SourceNote } from '../../application/DecisionPanel';

/**
 * The decision stored with the application — the one the last step (intake, submission, sign-off, payout) was
 * judged by — with each rule's clause written out and the materials as received (✓) or not.
 */
export function StoredDecision(props: { app: WithdrawalAppDto; title?: string }) {
  const a = props.app;
  const sourceOf = (id: string) => a.decision?.materials.find((m) => m.id === id)?.source;
  return (
    <DecisionPanel
      title={props.title ?? '审查结果（随申请保存）'}
      decision={a.decision}
      error={null}
      pending={false}
      hint="尚无审查结果"
      showSources
      materials={
        <List
          data-testid="stored-materials"
          size="small"
          dataSource={a.materials}
          renderItem={(m) => {
            const source = sourceOf(m.id);
            return (
              <List.Item style={{ padding: '4px 0' }} data-testid={`stored-material-${m.id}`} data-seen={m.seen}>
                <span style={{ flex: 1 }}>
                  <span style={{ color: m.seen ? '#389e0d' : '#d46b08', fontWeight: 600, marginRight: 6 }}>{m.seen ? '✓' : '✗'}</span>
                  {source ? <Popover title="依据" content={<SourceNote source={source} />}>{m.text}</Popover> : m.text}
                </span>
                {m.seen ? <Tag color="green">已收</Tag> : <Tag color="orange">未收</Tag>}
              </List.Item>
            );
          }}
        />
      }
    />
  );
}
