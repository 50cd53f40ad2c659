import { Alert, Button, Card, Col, Descriptions, Form, Input, Row, Select, Statistic } from 'antd';
import { useState } from 'react';
import { checkContributionLimits, type ContributionResult } from '../../../shared/contribution';
import { api } from '../api';
import { PageTitle } from '../components/PageTitle';
import { yuan, yuanRule, yuanToFen } from '../format';
import { applyError } from '../forms';
import { hasDistrictBounds, latestLimits, lowerBoundText } from '../limits';
import { useSession } from '../session';

interface FormValues {
  baseYuan: string;
  employeeRatioPercent: string;
  employerRatioPercent: string;
  district?: string;
  suppEmployeeRatioPercent?: string;
  suppEmployerRatioPercent?: string;
}

/** 住房公积金月缴存额 calculator: the services compute (the same rule as posting), the page only shows. */
export function CalculatorPage() {
  const { center } = useSession();
  const [form] = Form.useForm<FormValues>();
  const [result, setResult] = useState<ContributionResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const limits = latestLimits(center);
  const byDistrict = hasDistrictBounds(limits);

  const submit = async (v: FormValues) => {
    const base = yuanToFen(v.baseYuan, '缴存基数');
    if ('error' in base) {
      form.setFields([{ name: 'baseYuan', errors: [base.error] }]);
      return;
    }
    // Every limit broken is shown beside its field at once (the service names only the first it finds).
    const broken = checkContributionLimits(center, {
      baseFen: base.fen,
      employeeRatioPercent: v.employeeRatioPercent,
      employerRatioPercent: v.employerRatioPercent,
      ...(v.district ? { district: v.district } : {}),
    });
    if (broken.length > 0) {
      form.setFields(broken.map((b) => ({ name: b.field === 'baseFen' ? 'baseYuan' : b.field, errors: [b.message] })));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setResult(
        await api('calc.contribution', {
          baseFen: base.fen,
          employeeRatioPercent: v.employeeRatioPercent,
          employerRatioPercent: v.employerRatioPercent,
          ...(v.district ? { district: v.district } : {}),
          ...(v.suppEmployeeRatioPercent?.trim() ? { suppEmployeeRatioPercent: v.suppEmployeeRatioPercent.trim() } : {}),
          ...(v.suppEmployerRatioPercent?.trim() ? { suppEmployerRatioPercent: v.suppEmployerRatioPercent.trim() } : {}),
        }),
      );
    } catch (e) {
      setResult(null);
      setError(applyError(form, e, { baseFen: 'baseYuan' }));
    } finally {
      setBusy(false);
    }
  };

  const shown = result?.limits;
  const ratioRule = (label: string) => [
    { required: true, message: `请填写${label}` },
    { pattern: /^\d{1,2}(\.\d{1,2})?$/, message: `${label}应为百分数，如 12 或 7.5` },
  ];
  return (
    <>
      <PageTitle title="缴存计算器" sub={`${center.name} · 住房公积金月缴存额`} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title="输入">
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
            <Form<FormValues>
              form={form}
              layout="horizontal"
              labelCol={{ span: 8 }}
              wrapperCol={{ span: 14 }}
              initialValues={{ employeeRatioPercent: limits?.ratioMaxPercent, employerRatioPercent: limits?.ratioMaxPercent, district: byDistrict ? center.districts[0] : undefined }}
              onValuesChange={() => setResult(null)}
              onFinish={submit}
            >
              <Form.Item label="缴存基数" name="baseYuan" required rules={[yuanRule('缴存基数')]}>
                <Input autoFocus suffix="元" inputMode="decimal" placeholder="如 6500" />
              </Form.Item>
              <Form.Item label="个人缴存比例" name="employeeRatioPercent" rules={ratioRule('个人缴存比例')}>
                <Input suffix="%" inputMode="decimal" />
              </Form.Item>
              <Form.Item label="单位缴存比例" name="employerRatioPercent" rules={ratioRule('单位缴存比例')}>
                <Input suffix="%" inputMode="decimal" />
              </Form.Item>
              <Form.Item label="补充公积金个人比例" name="suppEmployeeRatioPercent" extra="单位建立补充住房公积金的填写，无则不填">
                <Input suffix="%" inputMode="decimal" />
              </Form.Item>
              <Form.Item label="补充公积金单位比例" name="suppEmployerRatioPercent">
                <Input suffix="%" inputMode="decimal" />
              </Form.Item>
              {byDistrict && (
                <Form.Item label="所属区县" name="district" extra="最低缴存基数按区县不同">
                  <Select options={center.districts.map((d) => ({ value: d, label: d }))} />
                </Form.Item>
              )}
              <Form.Item wrapperCol={{ offset: 8 }}>
                <Button type="primary" htmlType="submit" loading={busy}>
                  计算
                </Button>
              </Form.Item>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title="计算结果" style={{ marginBottom: 16 }}>
            <Row gutter={16}>
              {(
                [
                  ['个人月缴存额（元）', result?.employeeFen, 'calc-employee'],
                  ['单位月缴存额（元）', result?.employerFen, 'calc-employer'],
                  ['月缴存额合计（元）', result?.totalFen, 'calc-total'],
                ] as const
              ).map(([title, fen, testId]) => (
                <Col span={8} key={title}>
                  <Statistic
                    title={title}
                    value={fen ?? 0}
                    formatter={() => <span data-testid={testId}>{fen === undefined ? '—' : yuan(fen)}</span>}
                  />
                </Col>
              ))}
            </Row>
            {result?.supplementary && (
              <Row gutter={16} style={{ marginTop: 16 }}>
                {(
                  [
                    ['补充公积金个人月缴存额（元）', result.supplementary.employeeFen, 'calc-supp-employee'],
                    ['补充公积金单位月缴存额（元）', result.supplementary.employerFen, 'calc-supp-employer'],
                    ['补充住房公积金月缴存额（元）', result.supplementary.totalFen, 'calc-supp-total'],
                  ] as const
                ).map(([title, fen, testId]) => (
                  <Col span={8} key={title}>
                    <Statistic title={title} value={fen} formatter={() => <span data-testid={testId}>{yuan(fen)}</span>} />
                  </Col>
                ))}
              </Row>
            )}
          </Card>
          <Card title="现行缴存政策">
            {limits && (
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'year', label: '缴存年度', children: shown?.year ?? limits.year },
                  { key: 'upper', label: '缴存基数上限', children: `${yuan(shown?.baseUpperFen ?? limits.baseUpperFen)} 元` },
                  {
                    key: 'lower',
                    label: '缴存基数下限',
                    children: shown ? `${yuan(shown.baseLowerFen)} 元` : `${lowerBoundText(limits)} 元（按区县）`,
                  },
                  {
                    key: 'ratio',
                    label: '缴存比例范围',
                    children: `${shown?.ratioMinPercent ?? limits.ratioMinPercent}%～${shown?.ratioMaxPercent ?? limits.ratioMaxPercent}%${(shown?.wholeNumbers ?? limits.ratioWholeNumbers) ? '（取整数）' : ''}`,
                  },
                  { key: 'round', label: '取整规则', children: center.contributionRounding === 'yuan' ? '个人、单位缴存额分别四舍五入到元' : '四舍五入到分' },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
