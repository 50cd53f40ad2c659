import { Button, Card, Descriptions, Result, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { CheckReport } from '../../../../shared/contract/dto';
import { api } from '../../api';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { BatchBar, useBatchProgress } from '../../components/BatchProgress';

const CONTROL_NAMES: Record<string, string> = {
  '121': '委托贷款（各笔贷款明细账合计）',
  '201': '住房公积金（个人明细账合计）',
  '202': '补充住房公积金（个人明细账合计）',
};

/** 账务核对: the same check as `gjj check` — balanced entries, sub-ledgers = control accounts, audit chain. */
export function LedgerCheckPage() {
  const [report, setReport] = useState<CheckReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // On a host the check runs in its own thread and reports how far it is (seconds on a large ledger).
  const progress = useBatchProgress('ledger.check', busy);

  const run = useCallback(() => {
    setBusy(true);
    setError(null);
    api('ledger.check', {})
      .then(setReport, (e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  }, []);
  useEffect(run, [run]);

  return (
    <>
      <PageTitle
        title="账务核对"
        extra={
          <Button type="primary" onClick={run} loading={busy}>
            重新核对
          </Button>
        }
      />
      {busy && progress && (
        <Card style={{ marginBottom: 16 }}>
          <BatchBar progress={progress} />
        </Card>
      )}
      <Card loading={!report && !error}>
        {error && <Result status="error" title="核对未能完成" subTitle={error} />}
        {report && (
          <>
            <Result
              status={report.ok ? 'success' : 'error'}
              title={report.ok ? '账务核对通过' : '发现账务不符'}
              subTitle={report.ok ? '每笔凭证借贷平衡，个人明细账与总账一致，审计日志链完整，每一行业务数据与密钥签封一致' : report.firstViolation}
            />
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, md: 4 }}
              items={[
                { key: 'e', label: '记账凭证', children: `${report.entries} 笔` },
                { key: 'p', label: '分录', children: `${report.postings} 条` },
                { key: 'a', label: '账户', children: `${report.accounts} 个` },
                { key: 'u', label: '审计记录', children: `${report.auditRows} 条` },
                { key: 's', label: '密钥签封', children: `${report.seals} 个，覆盖 ${report.loggedChanges} 条变更` },
                { key: 'h', label: '完整性校验码', span: 3, children: <span data-testid="check-chain-head">{report.chainHead}</span> },
              ]}
              style={{ marginBottom: 16 }}
            />
            <Table
              rowKey="code"
              size="middle"
              pagination={false}
              dataSource={report.controls}
              columns={[
                { title: '科目', dataIndex: 'code', width: 90 },
                { title: '名称', key: 'name', render: (_: unknown, c: CheckReport['controls'][number]) => CONTROL_NAMES[c.code] ?? '' },
                { title: '总账余额（元）', dataIndex: 'balanceFen', align: 'right', render: (f: number) => <Money fen={f} /> },
                { title: '明细账合计（元）', dataIndex: 'subLedgerFen', align: 'right', render: (f: number) => <Money fen={f} /> },
                {
                  title: '差额（元）',
                  key: 'diff',
                  align: 'right',
                  render: (_: unknown, c: CheckReport['controls'][number]) => <Money fen={c.balanceFen - c.subLedgerFen} signed />,
                },
              ]}
            />
          </>
        )}
      </Card>
    </>
  );
}
