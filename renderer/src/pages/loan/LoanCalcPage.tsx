import { Alert, Card, Col, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Radio, Row, Select, Space, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { addMonthsClamped, buildSchedule, LUMP_MAX_MONTHS, METHOD_LABELS, type RepaymentMethod } from '../../../../shared/loan/schedule';
import { rowInEffectOn, termBand, type LoanRateRow } from '../../../../shared/rates/loanRates';
import { api } from '../../api';
import { ScheduleTable } from '../../components/loan/ScheduleTable';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { chinaToday } from '../../format';
import { useSession } from '../../session';
import { CalcResult } from './CalcResult';
import { amountFen, byArea, calcWarnings, ratePercent, termMonths, type AmountUnit, type TermUnit } from './calcInputs';

type Mode = 'amount' | 'area';
interface Values {
  amount?: string;
  amountUnit: AmountUnit;
  pricePerM2?: string;
  area?: string;
  downPercent: string;
  rateDate: Dayjs;
  rate?: string;
  term?: number | null;
  termUnit: TermUnit;
  method: RepaymentMethod;
  firstDue: Dayjs;
}

const DOWN_OPTIONS = ['20', '30', '40', '50', '60', '70', '80'].map((p) => ({ value: p, label: `${p}%` }));
const BAND_WORDS = { upTo5y: '五年以下（含五年）', over5y: '五年以上' } as const;
type RateKey = 'firstUpTo5y' | 'firstOver5y' | 'secondUpTo5y' | 'secondOver5y';
const RATE_KEYS: [RateKey, string, 'upTo5y' | 'over5y'][] = [
  ['firstUpTo5y', '首套住房', 'upTo5y'],
  ['firstOver5y', '首套住房', 'over5y'],
  ['secondUpTo5y', '第二套住房', 'upTo5y'],
  ['secondOver5y', '第二套住房', 'over5y'],
];

/** A field's message beside it: nothing while blank, the reason once something unusable is typed. */
const status = (p: { error: string } | object) => ('error' in p ? { validateStatus: 'error' as const, help: p.error } : {});

/**
 * 贷款计算器, as in the mobile app: 按贷款额度计算 and 按面积计算. Figures come from the same schedule code the
 * services freeze at disbursement (shared/loan/schedule); rates are picked from the dated rate table or typed.
 */
export function LoanCalcPage() {
  const { center } = useSession();
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<Mode>('amount');
  const [rates, setRates] = useState<LoanRateRow[] | null>(null);
  const [ratesError, setRatesError] = useState<string | null>(null);
  const v = {
    amount: Form.useWatch('amount', form),
    amountUnit: Form.useWatch('amountUnit', form) ?? '万元',
    pricePerM2: Form.useWatch('pricePerM2', form),
    area: Form.useWatch('area', form),
    downPercent: Form.useWatch('downPercent', form) ?? '30',
    rateDate: Form.useWatch('rateDate', form),
    rate: Form.useWatch('rate', form),
    term: Form.useWatch('term', form),
    termUnit: Form.useWatch('termUnit', form) ?? '年',
    method: Form.useWatch('method', form) ?? 'annuity',
    firstDue: Form.useWatch('firstDue', form),
  };

  useEffect(() => {
    api('rates.list', {}).then((r) => setRates(r.loan), (e: Error) => setRatesError(e.message));
  }, []);

  const amount = amountFen(v.amount, v.amountUnit);
  const area = byArea(v.pricePerM2, v.area, v.downPercent);
  const months = termMonths(v.term, v.termUnit);
  const rate = ratePercent(v.rate);
  const principalFen = mode === 'amount' ? ('value' in amount ? amount.value : null) : (area.result && area.result.loanFen > 0 ? area.result.loanFen : null);
  const monthsValue = 'value' in months ? months.value : null;

  const rateRow = useMemo(() => {
    if (!rates || !v.rateDate) return null;
    try {
      return { row: rowInEffectOn(rates, v.rateDate.format('YYYY-MM-DD'), '公积金贷款利率'), error: null };
    } catch (e) {
      return { row: null, error: (e as Error).message };
    }
  }, [rates, v.rateDate]);

  // The rate starts as the first-home rate in force today for the default term, once the table is here.
  useEffect(() => {
    if (rateRow?.row && !form.getFieldValue('rate')) form.setFieldValue('rate', rateRow.row.firstOver5y);
  }, [rateRow, form]);

  // 利随本清 only for a year or less: a longer term takes the method back to 等额本息.
  useEffect(() => {
    if (v.method === 'lump' && monthsValue !== null && monthsValue > LUMP_MAX_MONTHS) form.setFieldValue('method', 'annuity');
  }, [v.method, monthsValue, form]);

  const rateValue = 'value' in rate ? rate.value : null;
  const firstDueDate = v.firstDue ? v.firstDue.format('YYYY-MM-DD') : '';
  const results = useMemo(() => {
    if (principalFen === null || monthsValue === null || rateValue === null) return null;
    const methods: RepaymentMethod[] = monthsValue <= LUMP_MAX_MONTHS ? ['annuity', 'linear', 'lump'] : ['annuity', 'linear'];
    return methods.map((method) => buildSchedule({ principalFen, annualRatePercent: rateValue, months: monthsValue, method, firstDueDate }));
  }, [principalFen, monthsValue, rateValue, firstDueDate]);
  const chosen = results?.find((r) => r.summary.method === v.method) ?? results?.[0];

  const band = monthsValue !== null ? termBand(monthsValue) : null;
  const rateOptions = rateRow?.row
    ? [
        {
          label: `${rateRow.row.effectiveFrom}起执行`,
          title: rateRow.row.source,
          options: RATE_KEYS.filter(([k]) => rateRow.row[k] !== null).map(([k, home, b]) => ({
            value: k,
            label: `${home} ${BAND_WORDS[b]} ${rateRow.row[k]}%${band === b ? '（与期限相符）' : ''}`,
          })),
        },
      ]
    : [];

  const missing = [
    mode === 'amount' ? (principalFen === null && 'empty' in amount ? '贷款金额' : null) : !area.result ? '平米价格和房屋面积' : null,
    'empty' in rate ? '年利率' : null,
    'empty' in months ? '贷款期限' : null,
  ].filter(Boolean);

  return (
    <>
      <PageTitle title="贷款计算器" sub={`${center.name} · 还款计算，按月计息，利息逐期四舍五入到分`} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card title="还款计算">
            <Form<Values>
              form={form}
              layout="vertical"
              autoComplete="off"
              initialValues={{ amountUnit: '万元', downPercent: '30', rateDate: dayjs(chinaToday()), termUnit: '年', term: 30, method: 'annuity', firstDue: dayjs(addMonthsClamped(chinaToday(), 1)) }}
            >
              <Tabs
                activeKey={mode}
                onChange={(k) => setMode(k as Mode)}
                items={[
                  {
                    key: 'amount',
                    label: '按贷款额度计算',
                    children: (
                      <Form.Item label="贷款金额" htmlFor="calc-amount" required {...status(amount)}>
                        <Space.Compact style={{ width: '100%' }}>
                          <Form.Item name="amount" noStyle>
                            <Input id="calc-amount" inputMode="decimal" placeholder={v.amountUnit === '万元' ? '输入金额，如 100' : '输入金额，如 1000000'} />
                          </Form.Item>
                          <Form.Item name="amountUnit" noStyle>
                            <Select aria-label="金额单位" style={{ width: 90 }} options={[{ value: '万元' }, { value: '元' }]} />
                          </Form.Item>
                        </Space.Compact>
                      </Form.Item>
                    ),
                  },
                  {
                    key: 'area',
                    label: '按面积计算',
                    children: (
                      <>
                        <Form.Item label="平米价格" name="pricePerM2" required {...status(area.price ? { error: area.price } : {})}>
                          <Input inputMode="decimal" suffix="元/平米" placeholder="输入金额" />
                        </Form.Item>
                        <Form.Item label="房屋面积" name="area" required {...status(area.area ? { error: area.area } : {})}>
                          <Input inputMode="decimal" suffix="平米" placeholder="输入房屋面积" />
                        </Form.Item>
                        <Form.Item label="首付" name="downPercent">
                          <Select options={DOWN_OPTIONS} />
                        </Form.Item>
                        {area.result && (
                          <Descriptions
                            size="small"
                            column={1}
                            bordered
                            style={{ marginBottom: 16 }}
                            items={[
                              { key: 'price', label: '房屋总价（元）', children: <Money fen={area.result.housePriceFen} testId="calc-area-price" /> },
                              { key: 'down', label: `首付款 ${v.downPercent}%（元）`, children: <Money fen={area.result.downPaymentFen} testId="calc-area-down" /> },
                              { key: 'loan', label: '贷款金额（元）', children: <Money fen={area.result.loanFen} strong testId="calc-area-loan" /> },
                            ]}
                          />
                        )}
                      </>
                    ),
                  },
                ]}
              />
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item label="年利率" name="rate" required {...status(rate)}>
                    <Input inputMode="decimal" suffix="%" placeholder="选择或输入，如 3.1" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item label="利率执行日期" name="rateDate" extra="按此日有效的利率表">
                    <DatePicker allowClear={false} format="YYYY-MM-DD" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label="按利率表选择" htmlFor="calc-rate-pick" {...(rateRow?.error ? { validateStatus: 'warning' as const, help: rateRow.error } : {})}>
                <Select<RateKey>
                  id="calc-rate-pick"
                  placeholder={ratesError ?? '请选择'}
                  loading={!rates && !ratesError}
                  value={null}
                  options={rateOptions}
                  onChange={(k) => rateRow?.row && form.setFieldValue('rate', rateRow.row[k])}
                />
              </Form.Item>
              <Form.Item label="贷款期限" htmlFor="calc-term" required {...status(months)}>
                <Space.Compact style={{ width: '100%' }}>
                  <Form.Item name="term" noStyle>
                    <InputNumber id="calc-term" min={1} precision={0} style={{ width: '100%' }} placeholder="最长30年" />
                  </Form.Item>
                  <Form.Item name="termUnit" noStyle>
                    <Select aria-label="期限单位" style={{ width: 80 }} options={[{ value: '年' }, { value: '月' }]} />
                  </Form.Item>
                </Space.Compact>
              </Form.Item>
              <Form.Item label="还款方式" name="method">
                <Radio.Group
                  optionType="button"
                  options={(['annuity', 'linear', 'lump'] as const).map((m) => ({
                    value: m,
                    label: METHOD_LABELS[m],
                    disabled: m === 'lump' && (monthsValue === null || monthsValue > LUMP_MAX_MONTHS),
                  }))}
                />
              </Form.Item>
              <Form.Item label="首次还款日" name="firstDue" extra="还款计划表的第1期">
                <DatePicker allowClear={false} format="YYYY-MM-DD" style={{ width: '100%' }} />
              </Form.Item>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card title="计算结果" style={{ marginBottom: 16 }}>
            {calcWarnings(principalFen, rateValue).map((w) => (
              <Alert key={w} type="warning" showIcon title={w} data-testid="calc-warning" style={{ marginBottom: 12 }} />
            ))}
            {results ? (
              <CalcResult summaries={results.map((r) => r.summary)} chosen={chosen!.summary.method} />
            ) : (
              <Empty description={missing.length > 0 ? `请填写${missing.join('、')}` : '请按标红处更正'} />
            )}
            {results && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                月利率 = 年利率 ÷ 12；每期利息 = 剩余本金 × 月利率，四舍五入到分；末期归还剩余全部本金。等额本金的每月还款金额为首月金额，此后每月递减。
              </Typography.Paragraph>
            )}
          </Card>
          <Card title={chosen ? `还款计划表（${METHOD_LABELS[chosen.summary.method]}）` : '还款计划表'}>
            {chosen ? <ScheduleTable rows={chosen.rows} height={440} /> : <Alert type="info" showIcon title="填写完整后显示每期还款日期、月还款额、本金、利息和剩余本金" />}
          </Card>
        </Col>
      </Row>
    </>
  );
}
