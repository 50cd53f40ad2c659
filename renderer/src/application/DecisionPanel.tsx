import { Alert, Card, Checkbox, Collapse, Descriptions, Empty, Flex, List, Popover, Spin, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { toChineseUpper } from '../../../shared/money';
import type { Decision, LoanDecision, RuleOutcome, RuleResult } from '../../../shared/rules/types';
import { ruleCitation } from '../../../shared/rules/citations';
import { Money } from '../components/Money';
import { QuotaLimits } from './QuotaLimits';
import { SourceNote } from './SourceNote';

const OUTCOME: Record<RuleOutcome, { text: string; color: string }> = {
  passed: { text: '通过', color: 'green' },
  failed: { text: '不通过', color: 'red' },
  not_applicable: { text: '不适用', color: 'default' },
};

const METHOD = { annuity: '等额本息', linear: '等额本金', lump: '一次性还本付息' } as const;

/** The seed clause behind a rule, a limit or a material: what an auditor checks the verdict against. */
export { SourceNote };

function TraceItem(props: { r: RuleResult; showSource?: boolean }) {
  const { r } = props;
  return (
    <List.Item data-testid={`rule-${r.ruleId}`} data-outcome={r.outcome} style={{ display: 'block', padding: '8px 0' }}>
      <Flex gap={8} align="baseline">
        <Tag color={OUTCOME[r.outcome].color} style={{ flex: 'none' }}>
          {OUTCOME[r.outcome].text}
        </Tag>
        <div style={{ minWidth: 0 }}>
          <Popover title="规则依据" trigger={['hover', 'click']} content={<SourceNote source={r.source} ruleId={r.ruleId} />}>
            <Typography.Text strong style={{ cursor: 'help' }}>
              {r.title}
            </Typography.Text>
          </Popover>
          <div data-testid="rule-message" style={{ color: r.outcome === 'failed' ? '#cf1322' : '#555' }}>
            {r.message}
          </div>
          {props.showSource && (
            <div data-testid="rule-source" style={{ color: '#8c8c8c', fontSize: 12 }}>
              {ruleCitation(r.ruleId, r.source)} · “{r.source.clause}”
            </div>
          )}
        </div>
      </Flex>
    </List.Item>
  );
}

function Amount(props: { label: string; fen: number; testId: string }) {
  return (
    <div style={{ marginBottom: 8 }}>
      <Typography.Text type="secondary">{props.label}</Typography.Text>
      <div style={{ fontSize: 26, lineHeight: 1.3 }}>
        ¥ <Money fen={props.fen} strong testId={props.testId} /> <span style={{ fontSize: 15 }}>元</span>
      </div>
      <div data-testid={`${props.testId}-upper`}>人民币{toChineseUpper(props.fen)}</div>
    </div>
  );
}

function LoanFigures(props: { d: LoanDecision }) {
  const { d } = props;
  return (
    <>
      <QuotaLimits limits={d.quota.limits} style={{ marginBottom: 12 }} />
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'use', label: '使用次数', children: `第${d.useNumber}次使用住房公积金贷款` },
          {
            key: 'rate',
            label: '贷款利率',
            children: d.rate ? (
              <span data-testid="loan-rate">
                年利率 {d.rate.annualRatePercent}%<br />
                <Typography.Text type="secondary">{d.rate.basis}</Typography.Text>
              </span>
            ) : (
              '—'
            ),
          },
          { key: 'method', label: '还款方式', children: METHOD[d.method] },
          {
            key: 'monthly',
            label: d.method === 'linear' ? '首月月供' : d.method === 'lump' ? '到期还本付息' : '月供',
            children:
              d.monthlyPaymentFen === null ? '—' : (
                <span data-testid="monthly-payment">
                  <Money fen={d.method === 'linear' && d.firstPaymentFen !== null ? d.firstPaymentFen : d.monthlyPaymentFen} strong /> 元
                </span>
              ),
          },
          ...(d.totalInterestFen !== null ? [{ key: 'interest', label: '利息总额', children: <><Money fen={d.totalInterestFen} /> 元</> }] : []),
          ...(d.downPaymentMinFen !== null ? [{ key: 'down', label: '最低首付款', children: <><Money fen={d.downPaymentMinFen} /> 元</> }] : []),
        ]}
      />
    </>
  );
}

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

export interface DecisionPanelProps {
  decision: Decision | null;
  error: string | null;
  pending: boolean;
  hint: string | null;
  title?: ReactNode;
  /** Replaces the plain material list, e.g. with what was received (✓) on a stored application. */
  materials?: ReactNode;
  /** Prints each rule's id and clause under its message (a signed-off application is read, not hovered). */
  showSources?: boolean;
}

/**
 * 审查结果 beside the form: everything here is the engine's answer — verdict, amounts, limits, rate, the trace of
 * every rule with its seed clause, the materials and the 办理要求. The page only lays it out.
 */
export function DecisionPanel(props: DecisionPanelProps) {
  const { decision: d, error, pending, hint } = props;
  const item = (r: RuleResult) => <TraceItem r={r} showSource={props.showSources} />;
  const failed = d?.trace.filter((r) => r.outcome === 'failed') ?? [];
  const passed = d?.trace.filter((r) => r.outcome === 'passed') ?? [];
  const notApplicable = d?.trace.filter((r) => r.outcome === 'not_applicable') ?? [];
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
            title={<span style={{ fontSize: 18, fontWeight: 600 }}>{d.eligible ? '符合条件' : '不符合条件'}</span>}
            description={`${d.caseName}${d.eligible ? '' : `：${failed.length} 项不通过`}${d.kind === 'withdrawal' && d.closesAccount ? '；全额提取并销户' : ''}`}
          />
          <div style={{ marginTop: 16 }}>
            {d.maxAmountFen !== null ? (
              <Amount label={d.kind === 'loan' ? '可贷额度' : '最高可提取'} fen={d.maxAmountFen} testId="max-amount" />
            ) : (
              <Typography.Text type="secondary">条件不符，不计算{d.kind === 'loan' ? '可贷额度' : '可提取金额'}</Typography.Text>
            )}
            {d.requestedFen !== null && (
              <div>
                <Typography.Text type="secondary">申请金额：</Typography.Text>
                <Money fen={d.requestedFen} /> 元
              </div>
            )}
          </div>
          {d.kind === 'loan' && (
            <Section title="额度与还款">
              <LoanFigures d={d} />
            </Section>
          )}
          <Section title={`审查过程（${d.trace.length - notApplicable.length} 条适用）`}>
            <List data-testid="trace" size="small" dataSource={[...failed, ...passed]} renderItem={item} />
            {notApplicable.length > 0 && (
              <Collapse
                size="small"
                ghost
                items={[
                  {
                    key: 'na',
                    label: `不适用的规则（${notApplicable.length} 条）`,
                    children: <List size="small" dataSource={notApplicable} renderItem={item} />,
                  },
                ]}
              />
            )}
          </Section>
          <Section title="须提交的材料">
            {props.materials !== undefined ? (
              props.materials
            ) : d.materials.length === 0 ? (
              <Typography.Text type="secondary">无</Typography.Text>
            ) : (
              <List
                data-testid="materials"
                size="small"
                dataSource={d.materials}
                renderItem={(m) => (
                  <List.Item style={{ padding: '4px 0' }}>
                    <Checkbox>
                      <Popover title="依据" content={<SourceNote source={m.source} />}>
                        {m.text}
                      </Popover>
                    </Checkbox>
                  </List.Item>
                )}
              />
            )}
          </Section>
          {d.postConditions.length > 0 && (
            <Section title="办理要求">
              <ul data-testid="post-conditions" style={{ margin: 0, paddingLeft: 20 }}>
                {d.postConditions.map((p) => (
                  <li key={`${p.kind}-${p.ruleId}`}>{p.text}</li>
                ))}
              </ul>
            </Section>
          )}
          {d.params.length > 0 && (
            <Collapse
              size="small"
              ghost
              style={{ marginTop: 12 }}
              items={[
                {
                  key: 'params',
                  label: `所用政策参数（${d.params.length} 项）`,
                  children: (
                    <List
                      size="small"
                      dataSource={d.params}
                      renderItem={(p) => (
                        <List.Item style={{ display: 'block' }}>
                          <Typography.Text>{p.label}</Typography.Text>：<Typography.Text code>{JSON.stringify(p.value)}</Typography.Text>
                          <Typography.Text type="secondary">
                            {' '}
                            （{p.effectiveFrom}起{p.overridden ? '，管理员调整' : ''}）
                          </Typography.Text>
                        </List.Item>
                      )}
                    />
                  ),
                },
              ]}
            />
          )}
        </div>
      )}
    </Card>
  );
}
