import { Alert, Button, Card, Col, DatePicker, Descriptions, Form, InputNumber, Result, Row, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { CallOutput } from '../../../../shared/contract/calls';
import type { RepriceChangeDto, RepriceReportDto } from '../../../../shared/contract/loanServicing';
import { api, newKey } from '../../api';
import { BatchBar, useBatchProgress } from '../../components/BatchProgress';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { chinaToday } from '../../format';
import { applyError } from '../../forms';

type YearEnd = CallOutput<'interest.yearEnd'>;

/** The last settlement year whose 30 June has come: the year the admin most likely runs. */
function lastSettlementYear(): number {
  const t = chinaToday();
  const y = Number(t.slice(0, 4));
  return t >= `${y}-06-30` ? y : y - 1;
}

/**
 * 年度结息与调息 (admin): 年终结息 for a settlement year (idempotent: a second run posts nothing and says so), and
 * 调息 — moving loans over one year to the rate in force from the next 1 January — with what it changed.
 */
export function InterestRepricePage() {
  return (
    <>
      <PageTitle title="结息与调息" />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <YearEndCard />
        </Col>
        <Col xs={24} xl={14}>
          <RepriceCard />
        </Col>
      </Row>
    </>
  );
}

function YearEndCard() {
  const [form] = Form.useForm<{ year: number }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<YearEnd | null>(null);
  const progress = useBatchProgress('interest.yearEnd', busy);
  const run = async () => {
    const { year } = await form.validateFields();
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      // The service records one run per year: pressing again reports that run instead of posting twice.
      setResult(await api('interest.yearEnd', { year, idempotencyKey: newKey(`interest-${year}`) }));
    } catch (e) {
      setError(applyError(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="年终结息" data-testid="year-end">
      <Typography.Paragraph type="secondary">
        结息年度为上年7月1日至本年6月30日，按积数法以当期存款利率计息，6月30日记入各职工账户（年终结息）。同一年度只记账一次。
      </Typography.Paragraph>
      <Form form={form} layout="inline" initialValues={{ year: lastSettlementYear() }} onFinish={() => void run()}>
        <Form.Item label="结息年度" name="year" rules={[{ required: true, message: '请填写结息年度' }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="run-year-end">
            执行结息
          </Button>
        </Form.Item>
      </Form>
      {busy && <BatchBar progress={progress} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
      {result && (
        <div data-testid="year-end-result" style={{ marginTop: 16 }}>
          <Result
            style={{ padding: '16px 0' }}
            status={result.alreadyRun ? 'info' : 'success'}
            title={result.alreadyRun ? `${result.year}年度已结息，未重复记账` : `${result.year}年度结息完成`}
            subTitle={`记账日期 ${result.bookedDate}${result.alreadyRun ? '' : `，用时 ${result.seconds.toFixed(1)} 秒`}`}
          />
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              { key: 'a', label: '结息账户', children: <span data-testid="year-end-accounts">{result.accounts} 户</span> },
              { key: 't', label: '结息总额（元）', children: <Money fen={result.totalFen} strong testId="year-end-total" /> },
              { key: 'e', label: '记账凭证', children: `${result.entries} 笔` },
            ]}
          />
        </div>
      )}
    </Card>
  );
}

function RepriceCard() {
  const [form] = Form.useForm<{ asOf: Dayjs; limit: number }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<RepriceReportDto | null>(null);
  const progress = useBatchProgress('loan.reprice', busy);
  const run = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      setReport(await api('loan.reprice', { asOf: v.asOf.format('YYYY-MM-DD'), limit: v.limit, idempotencyKey: newKey('reprice') }));
    } catch (e) {
      setError(applyError(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="贷款调息" data-testid="reprice">
      <Typography.Paragraph type="secondary">
        利率调整后，期限一年以上的贷款自次年1月1日起执行新利率，按剩余本金和剩余期限重算月还款额；一年以内的贷款执行合同利率。
      </Typography.Paragraph>
      <Form form={form} layout="inline" initialValues={{ asOf: dayjs(chinaToday()), limit: 1000 }} onFinish={() => void run()}>
        <Form.Item label="调整基准日" name="asOf" rules={[{ required: true, message: '请选择调整基准日' }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item label="明细最多显示" name="limit">
          <InputNumber min={0} max={100000} precision={0} suffix="笔" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="run-reprice">
            执行调息
          </Button>
        </Form.Item>
      </Form>
      {busy && <BatchBar progress={progress} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
      {report && (
        <div data-testid="reprice-result" style={{ marginTop: 16 }}>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            style={{ marginBottom: 12 }}
            items={[
              { key: 'x', label: '检查贷款', children: `${report.examined} 笔` },
              { key: 'c', label: '本次调整', children: <b data-testid="reprice-changed">{report.changed} 笔</b> },
              { key: 'k', label: '一年以内（执行合同利率）', children: `${report.keptShort} 笔` },
              { key: 'a', label: '已执行现行利率', children: `${report.alreadyCurrent} 笔` },
              {
                key: 'p',
                label: '调整批次',
                span: 2,
                children: report.passes.length ? report.passes.map((p) => `${p.effectiveDate} 起按 ${p.rateRowFrom} 利率表调整 ${p.changed} 笔`).join('；') : '无',
              },
            ]}
          />
          <Table<RepriceChangeDto>
            size="small"
            bordered
            rowKey={(c) => `${c.loanId}-${c.effectiveDate}`}
            pagination={report.changes.length > 10 ? { pageSize: 10, size: 'small' } : false}
            dataSource={report.changes}
            locale={{ emptyText: '没有需要调整的贷款' }}
            scroll={{ x: 900 }}
            columns={[
              { title: '合同编号', dataIndex: 'contractNo', width: 170 },
              { title: '执行日期', dataIndex: 'effectiveDate', width: 110 },
              { title: '起始期次', dataIndex: 'fromPeriod', width: 80, align: 'center' },
              { title: '年利率', key: 'rate', width: 130, render: (_: unknown, c) => `${c.oldRatePercent}% → ${c.newRatePercent}%` },
              { title: '剩余本金（元）', dataIndex: 'remainingPrincipalFen', align: 'right', render: (f: number) => <Money fen={f} /> },
              { title: '剩余期数', dataIndex: 'months', width: 80, align: 'right' },
              {
                title: '月还款额（元）',
                key: 'inst',
                align: 'right',
                render: (_: unknown, c) => (
                  <span>
                    <Money fen={c.oldInstallmentFen} /> → <Money fen={c.newInstallmentFen} strong />
                  </span>
                ),
              },
            ]}
          />
        </div>
      )}
    </Card>
  );
}
