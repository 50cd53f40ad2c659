import { Alert, Card, Input, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { ParamOverrideDto } from '../../../../shared/contract/calls';
import type { CaseView, ParamInfo, RuleCategory, RuleInfo } from '../../../../shared/rules';
import { api } from '../../api';
import { PageTitle } from '../../components/PageTitle';
import { paramValue as valueText } from '../../format';
import { useSession } from '../../session';

const KIND = { withdrawal: '提取', loan: '贷款' } as const;
const CATEGORY: Record<RuleCategory, string> = {
  condition: '条件',
  time_limit: '时限',
  amount: '金额',
  account: '账户',
  payee: '收款',
  rate: '利率',
  guarantee: '担保',
  request: '申请',
};

const matches = (q: string, ...texts: (string | null | undefined)[]) => texts.some((t) => t?.toLowerCase().includes(q));

/** 政策规则: every rule with the seed clause it implements, and the dated parameters behind them, for checking. */
export function RulesPage() {
  const { center } = useSession();
  const [rules, setRules] = useState<RuleInfo[] | null>(null);
  const [params, setParams] = useState<ParamInfo[] | null>(null);
  const [overrides, setOverrides] = useState<ParamOverrideDto[]>([]);
  const [cases, setCases] = useState<{ withdrawal: CaseView[]; loan: CaseView[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');

  useEffect(() => {
    const fail = (e: Error) => setError(e.message);
    api('rules.list', {}).then(setRules, fail);
    api('rules.params', {}).then(setParams, fail);
    api('rules.cases', {}).then(setCases, fail);
    api('policy.overrides', {}).then(setOverrides, fail);
  }, []);

  const caseName = useMemo(() => {
    const m = new Map<string, string>();
    for (const c of [...(cases?.withdrawal ?? []), ...(cases?.loan ?? [])]) m.set(`${c.kind}:${c.id}`, c.name);
    return m;
  }, [cases]);
  const scope = (r: RuleInfo) => (r.caseIds.includes('*') ? '全部情形' : r.caseIds.map((id) => caseName.get(`${r.kind}:${id}`) ?? id).join('、'));

  const q = query.trim().toLowerCase();
  const shownRules = (rules ?? []).filter((r) => !q || matches(q, r.id, r.title, r.source.clause, r.note, KIND[r.kind], scope(r)));
  const shownParams = (params ?? []).filter((p) => !q || matches(q, p.id, p.label, ...p.series.map((s) => s.note)));

  return (
    <>
      <PageTitle title="政策规则" sub={`${center.name} · 每条规则均注明所依据的政策原文`} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card>
        <Input.Search
          aria-label="搜索规则"
          allowClear
          placeholder="按编号、标题、原文、说明或情形搜索"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          style={{ maxWidth: 520, marginBottom: 12 }}
        />
        <Tabs
          items={[
            {
              key: 'rules',
              label: `规则（${shownRules.length}）`,
              children: (
                <Table<RuleInfo>
                  data-testid="rules"
                  rowKey="id"
                  size="small"
                  loading={!rules && !error}
                  dataSource={shownRules}
                  pagination={{ pageSize: 30, showSizeChanger: false }}
                  columns={[
                    { title: '编号', dataIndex: 'id', width: 220, render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
                    {
                      title: '业务',
                      key: 'kind',
                      width: 200,
                      render: (_: unknown, r) => (
                        <>
                          <Tag color={r.kind === 'loan' ? 'purple' : 'blue'}>{KIND[r.kind]}</Tag>
                          <Tag>{CATEGORY[r.category]}</Tag>
                          <div style={{ fontSize: 12, color: '#8c8c8c' }}>{scope(r)}</div>
                        </>
                      ),
                    },
                    { title: '标题', dataIndex: 'title', width: 260 },
                    {
                      title: '依据原文',
                      key: 'source',
                      render: (_: unknown, r) => (
                        <>
                          “{r.source.clause}”
                          <div style={{ fontSize: 12, color: '#8c8c8c' }}>{r.source.file}</div>
                        </>
                      ),
                    },
                    { title: '说明', dataIndex: 'note', width: 300, render: (n: string | null) => n ?? '—' },
                  ]}
                />
              ),
            },
            {
              key: 'params',
              label: `政策参数（${shownParams.length}）`,
              children: (
                <Table<ParamInfo>
                  data-testid="params"
                  rowKey="id"
                  size="small"
                  loading={!params && !error}
                  dataSource={shownParams}
                  pagination={false}
                  columns={[
                    { title: '参数', key: 'id', width: 280, render: (_: unknown, p) => (<><div>{p.label}</div><Typography.Text code style={{ fontSize: 12 }}>{p.id}</Typography.Text></>) },
                    {
                      title: '取值（按生效日期）',
                      key: 'series',
                      render: (_: unknown, p) => {
                        const extra = overrides.filter((o) => o.paramId === p.id);
                        return (
                          <>
                            {p.series.map((s) => (
                              <div key={s.effectiveFrom} style={{ marginBottom: 6 }}>
                                <Tag>{s.effectiveFrom}起</Tag>
                                <Typography.Text code style={{ wordBreak: 'break-all' }}>{valueText(s.value)}</Typography.Text>
                                {s.source && <div style={{ fontSize: 12, color: '#595959' }}>依据：“{s.source.clause}”</div>}
                                {s.note && <div style={{ fontSize: 12, color: '#8c8c8c' }}>说明：{s.note}</div>}
                              </div>
                            ))}
                            {extra.map((o) => (
                              <div key={`o-${o.effectiveFrom}`} style={{ marginBottom: 6 }}>
                                <Tag color="orange">{o.effectiveFrom}起 · 管理员调整</Tag>
                                <Typography.Text code style={{ wordBreak: 'break-all' }}>{valueText(o.value)}</Typography.Text>
                                <div style={{ fontSize: 12, color: '#8c8c8c' }}>调整依据：{o.note}</div>
                              </div>
                            ))}
                          </>
                        );
                      },
                    },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
