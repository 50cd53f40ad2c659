import { Alert, Button, DatePicker, Descriptions, Flex, Form, Result, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { EmployerPage } from '../../../shared/contract/calls';
import type { RemittanceKind, RemittanceLine, RemittancePreview, RemittanceResult } from '../../../shared/contract/dto';
import { addMonthsToMonth } from '../../../shared/dates';
import { toChineseUpper } from '../../../shared/money';
import { api, newKey } from '../api';
import { chinaToday, monthLabel } from '../format';
import { applyError } from '../forms';
import { BatchBar, useBatchProgress } from './BatchProgress';
import { Money } from './Money';

/** 补缴 proposes the latest past month without an unreversed 汇缴 (else last month): the usual reason for one. */
function firstGap(page: EmployerPage, current: string): string {
  const paid = new Set(page.remittances.filter((r) => r.kind === '汇缴' && !r.reversedBy).map((r) => r.month));
  const opened = page.employer.openedDate.slice(0, 7);
  for (let m = addMonthsToMonth(current, -1); m >= opened && m > addMonthsToMonth(current, -36); m = addMonthsToMonth(m, -1)) {
    if (!paid.has(m)) return m;
  }
  return addMonthsToMonth(current, -1);
}

interface FormValues {
  month?: Dayjs;
  memberIds?: number[];
}

/**
 * 汇缴 (this month, every active member) or 补缴 (a past month, chosen members): 预览 first, then 确认入账.
 * The idempotency key belongs to one preview, so a double click on 确认入账 posts once, and a changed month
 * (a different request) gets a key of its own.
 */
export function RemitPanel(props: { page: EmployerPage; kind: RemittanceKind; onPosted(): void }) {
  const { page, kind } = props;
  const [form] = Form.useForm<FormValues>();
  const [preview, setPreview] = useState<RemittancePreview | null>(null);
  const [key, setKey] = useState<string | null>(null);
  const [result, setResult] = useState<RemittanceResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const thisMonth = dayjs(chinaToday()).startOf('month');
  const initialMonth = kind === '汇缴' ? dayjs(`${page.nextMonth ?? thisMonth.format('YYYY-MM')}-01`) : dayjs(`${firstGap(page, thisMonth.format('YYYY-MM'))}-01`);
  const activeMembers = page.members.filter((m) => m.status === '正常');
  // A large employer's 汇缴 runs in the host's batch worker: its steps show while 确认入账 waits (small ones never appear).
  const progress = useBatchProgress(`remit.post:${page.employer.id}`, busy && preview !== null);

  const request = (v: FormValues) => ({
    employerId: page.employer.id,
    month: (v.month ?? initialMonth).format('YYYY-MM'),
    kind,
    ...(kind === '补缴' ? { memberIds: v.memberIds ?? [] } : {}),
  });

  const runPreview = async (v: FormValues) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      if (kind === '补缴' && !(v.memberIds?.length)) {
        form.setFields([{ name: 'memberIds', errors: ['补缴须至少选择一名职工'] }]);
        return;
      }
      setPreview(await api('remit.preview', request(v)));
      setKey(newKey(kind === '汇缴' ? 'remit' : 'backpay'));
    } catch (e) {
      setPreview(null);
      setError(applyError(form, e));
    } finally {
      setBusy(false);
    }
  };

  const post = async () => {
    if (!key) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api('remit.post', { ...request(form.getFieldsValue()), idempotencyKey: key });
      setResult(r);
      setPreview(null);
      props.onPosted();
    } catch (e) {
      setError(applyError(form, e));
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    setResult(null);
    setPreview(null);
    setKey(null);
    form.resetFields();
  };

  // This month's 汇缴 is already posted: say so with its voucher instead of offering the month again.
  const posted = kind === '汇缴' && !page.nextMonth ? page.currentMonthRemitted : null;
  if (posted && !result) {
    return (
      <Result
        status="success"
        title={`${monthLabel(posted.month)}汇缴已入账`}
        subTitle={
          <span>
            凭证号 <Typography.Text strong copyable data-testid="remit-posted-entry-no">{posted.entryNo}</Typography.Text>，入账日期 {posted.bookedOn}；
            下月汇缴从下月起办理，漏缴职工请办理补缴
          </span>
        }
      />
    );
  }

  if (result) {
    return (
      <Result
        status="success"
        title={`${monthLabel(result.month)}${result.kind}已入账`}
        subTitle={
          <span>
            凭证号 <Typography.Text strong copyable data-testid="remit-entry-no">{result.entryNo}</Typography.Text>
          </span>
        }
        extra={<Button type="primary" onClick={restart}>办理下一笔</Button>}
      >
        <Descriptions
          bordered
          column={1}
          size="small"
          items={[
            { key: 'e', label: '单位', children: `${result.employer.name}（${result.employer.accountNo}）` },
            { key: 'm', label: '缴存月份', children: monthLabel(result.month) },
            { key: 'n', label: '缴存人数', children: `${result.memberCount} 人` },
            { key: 'p', label: '个人缴存合计（元）', children: <Money fen={result.employeeTotalFen} /> },
            { key: 'u', label: '单位缴存合计（元）', children: <Money fen={result.employerTotalFen} /> },
            ...(result.suppTotalFen > 0 ? [{ key: 's', label: '补充公积金合计（元）', children: <Money fen={result.suppTotalFen} /> }] : []),
            { key: 't', label: '入账金额（小写）', children: <span data-testid="remit-total">¥ <Money fen={result.totalFen} strong /></span> },
            { key: 'c', label: '入账金额（大写）', children: <span data-testid="remit-total-upper">人民币{toChineseUpper(result.totalFen)}</span> },
          ]}
        />
      </Result>
    );
  }

  const hasSupp = (preview?.suppTotalFen ?? 0) > 0;
  return (
    <div>
      <Form<FormValues>
        form={form}
        layout="inline"
        initialValues={{ month: initialMonth, memberIds: [] }}
        onValuesChange={() => {
          // Any change makes the preview stale: it must be previewed again before it can be posted.
          setPreview(null);
          setKey(null);
        }}
        onFinish={runPreview}
        style={{ rowGap: 12, marginBottom: 16 }}
      >
        <Form.Item label="缴存月份" name="month" rules={[{ required: true, message: '请选择缴存月份' }]}>
          <DatePicker
            picker="month"
            format="YYYY-MM"
            allowClear={false}
            disabledDate={(d) => (kind === '汇缴' ? d.isAfter(thisMonth, 'month') : !d.isBefore(thisMonth, 'month'))}
          />
        </Form.Item>
        {kind === '补缴' && (
          <Form.Item label="补缴职工" name="memberIds" style={{ minWidth: 360 }}>
            <Select
              mode="multiple"
              placeholder="选择需要补缴的职工"
              showSearch={{ optionFilterProp: 'label' }}
              options={activeMembers.map((m) => ({ value: m.id, label: `${m.name}（${m.accountNo}）` }))}
            />
          </Form.Item>
        )}
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy && !preview}>
            预览
          </Button>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {preview && (
        <div data-testid="remit-preview">
          {preview.problems.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={`有${preview.problems.length}名职工的缴存基数超出规定，调整后才能入账`}
              description={
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {preview.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              }
            />
          )}
          <Table<RemittanceLine>
            size="middle"
            rowKey="memberId"
            dataSource={preview.lines}
            pagination={preview.lines.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            locale={{ emptyText: `${monthLabel(preview.month)}没有需要${kind}的职工` }}
            columns={[
              { title: '个人账号', dataIndex: 'accountNo', width: 150 },
              { title: '职工姓名', dataIndex: 'name' },
              { title: '缴存基数（元）', dataIndex: 'baseFen', align: 'right', render: (f: number) => <Money fen={f} /> },
              { title: '个人缴存额', dataIndex: 'employeeFen', align: 'right', render: (f: number) => <Money fen={f} /> },
              { title: '单位缴存额', dataIndex: 'employerFen', align: 'right', render: (f: number) => <Money fen={f} /> },
              ...(hasSupp
                ? [{ title: '补充公积金', key: 'supp', align: 'right' as const, render: (_: unknown, l: RemittanceLine) => <Money fen={l.suppEmployeeFen + l.suppEmployerFen} /> }]
                : []),
              {
                title: '合计',
                key: 'total',
                align: 'right',
                render: (_: unknown, l) => <Money fen={l.employeeFen + l.employerFen + l.suppEmployeeFen + l.suppEmployerFen} strong />,
              },
            ]}
            summary={() => (
              <Table.Summary.Row style={{ background: '#fafafa', fontWeight: 600 }}>
                <Table.Summary.Cell index={0} colSpan={3}>
                  合计 {preview.memberCount} 人
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  <Money fen={preview.employeeTotalFen} />
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  <Money fen={preview.employerTotalFen} />
                </Table.Summary.Cell>
                {hasSupp && (
                  <Table.Summary.Cell index={5} align="right">
                    <Money fen={preview.suppTotalFen} />
                  </Table.Summary.Cell>
                )}
                <Table.Summary.Cell index={hasSupp ? 6 : 5} align="right">
                  <span data-testid="preview-total">
                    <Money fen={preview.totalFen} strong />
                  </span>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
          <Flex justify="space-between" align="center" wrap gap={12} style={{ marginTop: 16 }}>
            <Typography.Text>
              {monthLabel(preview.month)}
              {kind}合计 <Typography.Text strong>¥ {<Money fen={preview.totalFen} />}</Typography.Text>
              （人民币{toChineseUpper(preview.totalFen)}）
            </Typography.Text>
            <Button
              type="primary"
              size="large"
              onClick={post}
              loading={busy}
              disabled={preview.lines.length === 0 || preview.problems.length > 0}
            >
              确认入账
            </Button>
          </Flex>
          {progress && <BatchBar progress={progress} />}
        </div>
      )}
    </div>
  );
}
