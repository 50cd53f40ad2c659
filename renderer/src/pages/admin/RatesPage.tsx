import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { DepositRateRow } from '../../../../shared/rates/depositRates';
import type { PenaltySetting } from '../../../../shared/rates/penaltyRates';
import type { LoanRateRow } from '../../../../shared/rates/loanRates';
import { rateOutOfBounds } from '../../../../shared/rates/bounds';
import { api, newKey } from '../../api';
import { PageTitle } from '../../components/PageTitle';
import { applyError } from '../../forms';
import type { ChangeEffectDto, ChangeKind } from '../../../../shared/contract/privileged';
import { ChangeEffectModal } from './ChangeEffectModal';
import { PendingChangesCard } from './PendingChangesCard';

const RATE_PATTERN = { pattern: /^\d{1,2}(\.\d{1,4})?$/, message: '应为年利率百分数，如 2.60' };
/** The service's bounds (shared/rates/bounds.ts), checked here too so the field says so at once. */
const RATE_BOUND = {
  validator: async (_: unknown, v?: string) => {
    const problem = v?.trim() ? rateOutOfBounds(v.trim()) : null;
    if (problem) throw new Error(problem);
  },
};
const pct = (r: string | null) => (r === null ? <Typography.Text type="secondary">按规则计算</Typography.Text> : `${r}%`);
const newestFirst = <T extends { effectiveFrom: string }>(rows: T[]) => [...rows].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));

interface LoanValues {
  effectiveFrom?: Dayjs;
  firstUpTo5y: string;
  firstOver5y: string;
  secondUpTo5y?: string;
  secondOver5y?: string;
  source: string;
}
interface PenaltyValues {
  effectiveFrom?: Dayjs;
  multiplier: string;
  dayBasis: 360 | 365;
  source: string;
}

interface DepositValues {
  effectiveFrom?: Dayjs;
  annualRatePercent: string;
  source: string;
}

/**
 * A form that adds one dated row; the key belongs to one filling-in, so a double click adds one row. Before the row
 * is sent, its effect (accounts or loans, money) is shown; a back-dated row asks for 补录原因 and waits for a second
 * administrator.
 */
function useAddForm<V extends { effectiveFrom?: Dayjs }>(
  prefix: string,
  kind: ChangeKind,
  send: (v: V, key: string, backdateReason?: string) => Promise<unknown>,
  done: () => void,
) {
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [key, setKey] = useState(() => newKey(prefix));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<{ v: V; effect: ChangeEffectDto } | null>(null);
  const submit = async (v: V) => {
    setBusy(true);
    setError(null);
    try {
      setPending({ v, effect: await api('rates.previewEffect', { kind, effectiveFrom: v.effectiveFrom?.format('YYYY-MM-DD') ?? '' }) });
    } catch (e) {
      setError(applyError(form, e));
    } finally {
      setBusy(false);
    }
  };
  const confirm = async (backdateReason?: string) => {
    if (!pending) return;
    setBusy(true);
    try {
      await send(pending.v, key, backdateReason);
      message.success(pending.effect.backDated ? '已提交补录申请，待另一位管理员确认后生效' : '已添加');
      form.resetFields();
      setKey(newKey(prefix));
      done();
    } catch (e) {
      setError(applyError(form, e));
    } finally {
      setPending(null);
      setBusy(false);
    }
  };
  const modal = <ChangeEffectModal effect={pending?.effect ?? null} busy={busy} onOk={confirm} onCancel={() => setPending(null)} />;
  return { form, busy, error, submit, modal };
}

/** 利率表: loan and deposit rates by effective date. Rows are only added; a later date supersedes. */
export function RatesPage() {
  const [rates, setRates] = useState<{ loan: LoanRateRow[]; deposit: DepositRateRow[]; penalty: PenaltySetting[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api('rates.list', {}).then(setRates, (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);

  const [refresh, setRefresh] = useState(0);
  const changed = () => {
    load();
    setRefresh((n) => n + 1);
  };
  const loan = useAddForm<LoanValues>(
    'rate-loan',
    'loan_rate',
    (v, idempotencyKey, backdateReason) =>
      api('rates.addLoan', {
        effectiveFrom: v.effectiveFrom?.format('YYYY-MM-DD') ?? '',
        firstUpTo5y: v.firstUpTo5y,
        firstOver5y: v.firstOver5y,
        secondUpTo5y: v.secondUpTo5y?.trim() || null,
        secondOver5y: v.secondOver5y?.trim() || null,
        source: v.source,
        ...(backdateReason ? { backdateReason } : {}),
        idempotencyKey,
      }),
    changed,
  );
  const deposit = useAddForm<DepositValues>(
    'rate-deposit',
    'deposit_rate',
    (v, idempotencyKey, backdateReason) =>
      api('rates.addDeposit', { effectiveFrom: v.effectiveFrom?.format('YYYY-MM-DD') ?? '', annualRatePercent: v.annualRatePercent, source: v.source, ...(backdateReason ? { backdateReason } : {}), idempotencyKey }),
    changed,
  );

  const penalty = useAddForm<PenaltyValues>(
    'rate-penalty',
    'penalty',
    (v, idempotencyKey, backdateReason) =>
      api('rates.addPenalty', { effectiveFrom: v.effectiveFrom?.format('YYYY-MM-DD') ?? '', multiplier: v.multiplier, dayBasis: v.dayBasis, source: v.source, ...(backdateReason ? { backdateReason } : {}), idempotencyKey }),
    changed,
  );

  const required = (label: string) => ({ required: true, message: `请填写${label}` });
  return (
    <>
      <PageTitle title="利率表" sub="贷款额度、月供和结息按申请（计息）日有效的一行计算" />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <PendingChangesCard refreshKey={refresh} onDecided={load} />
      {loan.modal}
      {deposit.modal}
      {penalty.modal}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title="住房公积金贷款利率（年利率）" style={{ marginBottom: 16 }}>
            <Table<LoanRateRow>
              data-testid="loan-rates"
              rowKey="effectiveFrom"
              size="small"
              loading={!rates && !error}
              dataSource={newestFirst(rates?.loan ?? [])}
              pagination={false}
              columns={[
                { title: '生效日期', dataIndex: 'effectiveFrom', width: 110 },
                {
                  title: '首套住房',
                  children: [
                    { title: '五年以下（含）', dataIndex: 'firstUpTo5y', width: 110, align: 'right', render: pct },
                    { title: '五年以上', dataIndex: 'firstOver5y', width: 100, align: 'right', render: pct },
                  ],
                },
                {
                  title: '第二套住房',
                  children: [
                    { title: '五年以下（含）', dataIndex: 'secondUpTo5y', width: 110, align: 'right', render: pct },
                    { title: '五年以上', dataIndex: 'secondOver5y', width: 100, align: 'right', render: pct },
                  ],
                },
                { title: '依据', dataIndex: 'source' },
              ]}
            />
          </Card>
          <Card title="住房公积金存款利率">
            <Table<DepositRateRow>
              data-testid="deposit-rates"
              rowKey="effectiveFrom"
              size="small"
              loading={!rates && !error}
              dataSource={newestFirst(rates?.deposit ?? [])}
              pagination={false}
              columns={[
                { title: '生效日期', dataIndex: 'effectiveFrom', width: 110 },
                { title: '年利率', dataIndex: 'annualRatePercent', width: 100, align: 'right', render: (r: string) => `${r}%` },
                { title: '依据', dataIndex: 'source' },
              ]}
            />
          </Card>
          <Card title="逾期罚息（按合同利率加收）" style={{ marginTop: 16 }}>
            <Table<PenaltySetting>
              data-testid="penalty-settings"
              rowKey="effectiveFrom"
              size="small"
              loading={!rates && !error}
              dataSource={newestFirst(rates?.penalty ?? [])}
              pagination={false}
              columns={[
                { title: '生效日期', dataIndex: 'effectiveFrom', width: 110 },
                { title: '罚息倍数', dataIndex: 'multiplier', width: 100, align: 'right', render: (m: string) => `× ${m}` },
                { title: '计息基数', dataIndex: 'dayBasis', width: 90, align: 'right', render: (d: number) => `${d} 天` },
                { title: '依据', dataIndex: 'source' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title="新增贷款利率" style={{ marginBottom: 16 }}>
            {loan.error && <Alert type="error" showIcon title={loan.error} style={{ marginBottom: 16 }} />}
            <Form<LoanValues> form={loan.form} layout="vertical" onFinish={loan.submit}>
              <Form.Item label="生效日期" name="effectiveFrom" rules={[{ required: true, message: '请选择生效日期' }]}>
                <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
              </Form.Item>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item label="首套五年以下（含五年）" name="firstUpTo5y" rules={[required('利率'), RATE_PATTERN, RATE_BOUND]}>
                    <Input suffix="%" inputMode="decimal" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item label="首套五年以上" name="firstOver5y" rules={[required('利率'), RATE_PATTERN, RATE_BOUND]}>
                    <Input suffix="%" inputMode="decimal" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item label="第二套五年以下（含五年）" name="secondUpTo5y" rules={[RATE_PATTERN, RATE_BOUND]} extra="空则按倍数规则">
                    <Input suffix="%" inputMode="decimal" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item label="第二套五年以上" name="secondOver5y" rules={[RATE_PATTERN, RATE_BOUND]} extra="空则按倍数规则">
                    <Input suffix="%" inputMode="decimal" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label="依据（文件名称、文号）" name="source" rules={[required('依据')]}>
                <Input.TextArea autoSize={{ minRows: 2 }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={loan.busy}>
                添加
              </Button>
            </Form>
          </Card>
          <Card title="新增存款利率">
            {deposit.error && <Alert type="error" showIcon title={deposit.error} style={{ marginBottom: 16 }} />}
            <Form<DepositValues> form={deposit.form} layout="vertical" onFinish={deposit.submit}>
              <Form.Item label="生效日期" name="effectiveFrom" rules={[{ required: true, message: '请选择生效日期' }]}>
                <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item label="存款年利率" name="annualRatePercent" rules={[required('存款年利率'), { pattern: /^\d{1,2}(\.\d{1,4})?$/, message: '应为百分数，如 1.50' }, RATE_BOUND]}>
                <Input suffix="%" inputMode="decimal" />
              </Form.Item>
              <Form.Item label="依据（文件名称、文号）" name="source" rules={[required('依据')]}>
                <Input.TextArea autoSize={{ minRows: 2 }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={deposit.busy}>
                添加
              </Button>
            </Form>
          </Card>
          <Card title="新增罚息设置" style={{ marginTop: 16 }}>
            {penalty.error && <Alert type="error" showIcon title={penalty.error} style={{ marginBottom: 16 }} />}
            <Form<PenaltyValues> form={penalty.form} layout="vertical" onFinish={penalty.submit} initialValues={{ dayBasis: 360 }}>
              <Form.Item label="生效日期" name="effectiveFrom" rules={[{ required: true, message: '请选择生效日期' }]}>
                <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item label="罚息倍数" name="multiplier" rules={[required('罚息倍数')]} extra="逾期本息 × 合同利率 × 倍数 ÷ 计息基数 × 逾期天数；1.5 即加收50%">
                <Input inputMode="decimal" />
              </Form.Item>
              <Form.Item label="计息基数" name="dayBasis">
                <Radio.Group options={[{ label: '360天', value: 360 }, { label: '365天', value: 365 }]} optionType="button" />
              </Form.Item>
              <Form.Item label="依据（文件名称、文号）" name="source" rules={[required('依据')]}>
                <Input.TextArea autoSize={{ minRows: 2 }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={penalty.busy}>
                添加
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </>
  );
}
