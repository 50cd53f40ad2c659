import { Alert, Card, Checkbox, Collapse, Descriptions, Empty, Flex, List, Popover, Spin, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { toChineseUpper } from '../../../../shared/money';
import type { LoanDecision, RuleResult } from '../../../../shared/rules/types';
import { QuotaLimits } from '../../application/QuotaLimits';
import { SourceNote } from '../../application/SourceNote';
import { Money } from '../Money';
import { methodLabel } from './labels';

const OUTCOME = { passed: ['通过', 'green'], failed: ['不通过', 'red'], not_applicable: ['不适用', 'default'] } as const;

function Trace(props: { rules: RuleResult[] }) {
  return (
    <List
      size="small"
      dataSource={props.rules}
      renderItem={(r) => (
        <List.Item data-testid={`rule-${r.ruleId}`} data-outcome={r.outcome} style={{ display: 'block', padding: '6px 0' }}>
          <Flex gap={8} align="baseline">
            <Tag color={OUTCOME[r.outcome][1]} style={{ flex: 'none' }}>
              {OUTCOME[r.outcome][0]}
            </Tag>
            <div style={{ minWidth: 0 }}>
              <Popover title="规则依据" content={<SourceNote source={r.source} ruleId={r.ruleId} />}>
                <Typography.Text strong style={{ cursor: 'help' }}>
                  {r.title}
                </Typography.Text>
              </Popover>
              <div style={{ color: r.outcome === 'failed' ? '#cf1322' : '#555' }}>{r.message}</div>
            </div>
          </Flex>
        </List.Item>
      )}
    />
  );
}

export { QuotaLimits };

function Section(props: { title: ReactNode; children: ReactNode }) {
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {props.title}
      </Typography.Title>
      {props.children}
    </div>
  );
}

export interface MaterialsProps {
  items: { id: string; text: string }[];
  /** Ids the clerk has seen; with onToggle the list is a checklist, without it a record. */
  seen: ReadonlySet<string>;
  onToggle?: (id: string, seen: boolean) => void;
}

export function MaterialsChecklist(props: MaterialsProps) {
  if (props.items.length === 0) return <Typography.Text type="secondary">无</Typography.Text>;
  if (!props.onToggle) {
    // A stored application: what was received is a record, readable, not a greyed-out control.
    return (
      <List
        data-testid="materials"
        size="small"
        dataSource={props.items}
        renderItem={(m) => (
          <List.Item style={{ padding: '4px 0', justifyContent: 'flex-start', gap: 8 }} data-material={m.id}>
            {props.seen.has(m.id) ? <Tag color="green">已收</Tag> : <Tag color="red">未收</Tag>}
            <span>{m.text}</span>
          </List.Item>
        )}
      />
    );
  }
  return (
    <List
      data-testid="materials"
      size="small"
      dataSource={props.items}
      renderItem={(m) => (
        <List.Item style={{ padding: '4px 0' }}>
          <Checkbox
            checked={props.seen.has(m.id)}
            onChange={(e) => props.onToggle?.(m.id, e.target.checked)}
            data-material={m.id}
          >
            {m.text}
          </Checkbox>
        </List.Item>
      )}
    />
  );
}

/**
 * The engine's answer for a loan, laid out: verdict, 可贷额度 with every limit and the binding one, the rate and its
 * basis, 月还款额, the trace and the materials. Live on the intake page, stored on the detail and inbox pages.
 */
export function LoanDecisionCard(props: {
  decision: LoanDecision | null;
  title?: string;
  error?: string | null;
  pending?: boolean;
  hint?: string | null;
  materials?: MaterialsProps;
  compact?: boolean;
}) {
  const { decision: d, error, pending, hint } = props;
  const failed = d?.trace.filter((r) => r.outcome === 'failed') ?? [];
  const passed = d?.trace.filter((r) => r.outcome === 'passed') ?? [];
  const na = d?.trace.filter((r) => r.outcome === 'not_applicable') ?? [];
  const monthlyFen = d ? (d.method === 'linear' ? d.firstPaymentFen : d.monthlyPaymentFen) : null;
  return (
    <Card
      data-testid="decision-panel"
      title={props.title ?? '审查结果'}
      extra={pending ? <Spin size="small" data-testid="decision-pending" /> : d && <Typography.Text type="secondary">按 {d.policyDate} 有效政策</Typography.Text>}
    >
      {hint && !d && !error && <Empty description={hint} />}
      {error && <Alert data-testid="decision-error" type="warning" showIcon title="暂不能判定" description={error} style={{ marginBottom: 12 }} />}
      {d && !error && (
        <div style={{ opacity: pending ? 0.6 : 1, transition: 'opacity .2s' }}>
          <Alert
            data-testid="verdict"
            type={d.eligible ? 'success' : 'error'}
            showIcon
            title={<span style={{ fontSize: 17, fontWeight: 600 }}>{d.eligible ? '符合条件' : '不符合条件'}</span>}
            description={`${d.caseName}${d.eligible ? '' : `：${failed.length} 项不通过`}`}
          />
          <Flex gap={32} wrap style={{ marginTop: 12 }}>
            <div>
              <Typography.Text type="secondary">可贷额度</Typography.Text>
              <div style={{ fontSize: 24 }}>
                {d.quota.quotaFen === null ? '—' : <Money fen={d.quota.quotaFen} strong testId="max-amount" />} <span style={{ fontSize: 14 }}>元</span>
              </div>
              {d.quota.quotaFen !== null && <Typography.Text type="secondary">人民币{toChineseUpper(d.quota.quotaFen)}</Typography.Text>}
            </div>
            {d.requestedFen !== null && (
              <div>
                <Typography.Text type="secondary">申请贷款金额</Typography.Text>
                <div style={{ fontSize: 24 }}>
                  <Money fen={d.requestedFen} /> <span style={{ fontSize: 14 }}>元</span>
                </div>
              </div>
            )}
          </Flex>
          {d.quota.limits.length > 0 && (
            <Section title="额度限制">
              <QuotaLimits limits={d.quota.limits} />
            </Section>
          )}
          <Section title="利率与还款">
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                { key: 'use', label: '使用次数', children: `第${d.useNumber}次使用住房公积金贷款` },
                {
                  key: 'rate',
                  label: '年利率',
                  children: d.rate ? (
                    <span data-testid="loan-rate">
                      {d.rate.annualRatePercent}%<br />
                      <Typography.Text type="secondary">{d.rate.basis}</Typography.Text>
                    </span>
                  ) : (
                    '—'
                  ),
                },
                { key: 'method', label: '还款方式', children: methodLabel(d.method) },
                {
                  key: 'monthly',
                  label: d.method === 'linear' ? '首月还款额' : d.method === 'lump' ? '到期还本付息' : '月还款额',
                  children: monthlyFen === null ? '—' : <span data-testid="monthly-payment"><Money fen={monthlyFen} strong /> 元</span>,
                },
                ...(d.totalInterestFen !== null ? [{ key: 'interest', label: '利息总额', children: <><Money fen={d.totalInterestFen} /> 元</> }] : []),
                ...(d.downPaymentMinFen !== null ? [{ key: 'down', label: '最低首付款', children: <><Money fen={d.downPaymentMinFen} /> 元</> }] : []),
              ]}
            />
          </Section>
          <Section title={`审查过程（${failed.length + passed.length} 条适用）`}>
            <div data-testid="trace">
              {props.compact && failed.length === 0 ? (
                <Typography.Text type="success">适用的规则全部通过</Typography.Text>
              ) : (
                <Trace rules={props.compact ? failed : [...failed, ...passed]} />
              )}
            </div>
            {((props.compact && passed.length > 0) || na.length > 0) && (
              <Collapse
                size="small"
                ghost
                items={[
                  ...(props.compact && passed.length > 0 ? [{ key: 'ok', label: `通过的规则（${passed.length} 条）`, children: <Trace rules={passed} /> }] : []),
                  ...(na.length > 0 ? [{ key: 'na', label: `不适用的规则（${na.length} 条）`, children: <Trace rules={na} /> }] : []),
                ]}
              />
            )}
          </Section>
          {props.materials && (
            <Section title={`材料清单（已收 ${props.materials.items.filter((m) => props.materials!.seen.has(m.id)).length}/${props.materials.items.length}）`}>
              <MaterialsChecklist {...props.materials} />
            </Section>
          )}
          {!props.compact && d.postConditions.length > 0 && (
            <Section title="办理要求">
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {d.postConditions.map((p) => (
                  <li key={`${p.kind}-${p.ruleId}`}>{p.text}</li>
                ))}
              </ul>
            </Section>
          )}
        </div>
      )}
    </Card>
  );
}
