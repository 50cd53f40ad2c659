import { Alert, Button, Card, Col, Descriptions, Row, Space, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { LoanAppDto } from '../../../../shared/contract/dto';
import { api } from '../../api';
import { optionLabel } from '../../application/optionLabels';
import { DeadlineTag, LoanStateTag, methodLabel, PAYEE_KINDS, termText } from '../../components/loan/labels';
import { LoanDecisionCard } from '../../components/loan/LoanDecisionCard';
import { LoanProgress } from '../../components/loan/LoanProgress';
import { LoanSchedule } from '../../components/loan/LoanSchedule';
import { PrintButtons } from '../../components/loan/PrintButtons';
import { printableLoanForms } from '../../components/loan/printableForms';
import { RepaymentInfo } from '../../components/loan/RepaymentInfo';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { chinaDateTime } from '../../format';
import type { PageProps } from '../../routes';
import { LoanActions } from './LoanActions';
import { LoanConditionsPanel } from '../../components/conditions/LoanConditionsPanel';
import { GuaranteeFeeCard } from '../../components/conditions/GuaranteeFeeCard';

const ACTIONS: Record<string, string> = {
  create: '受理',
  update: '修改',
  submit: '提交复核',
  review: '复核通过',
  review_return: '复核退回',
  approve: '审批通过',
  approve_return: '审批退回',
  cancel: '撤销',
  sign: '登记借款合同及抵押',
  disburse: '放款',
  reapproval_required: '放款前复查：需重新审批',
};

type Facts = { house?: { priceFen?: number; areaSqm?: string; contractDate?: string }; downPaymentFen?: number; familyMonthlyIncomeFen?: number; guarantee?: { type?: string }; spouseCoApplicant?: boolean; loanTerms?: { months: number; method: 'annuity' | 'linear' | 'lump' } };
const fen = (f: number | null | undefined) => (f === null || f === undefined ? '—' : <Money fen={f} />);

/** 贷款申请详情: what was applied for, what the engine said, who signed when, and what this operator may do next. */
export function LoanAppPage({ route }: PageProps) {
  const id = Number(route.params.get('id'));
  const [app, setApp] = useState<LoanAppDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api('loan.get', { applicationId: id }).then(setApp, (e: Error) => setError(e.message));
  }, [id]);
  useEffect(load, [load]);

  if (error) return <Alert type="error" showIcon title={error} action={<Button onClick={() => history.back()}>返回</Button>} />;
  if (!app) return <Card loading />;
  const f = app.facts as Facts;
  const d = app.decision;
  const terms = f.loanTerms;
  const reapproval = app.state === '退回' && app.lastNote?.includes('需重新审批');
  const monthly = d ? (d.method === 'linear' ? d.firstPaymentFen : d.monthlyPaymentFen) : null;
  return (
    <>
      <PageTitle
        title={
          <Space>
            <span>贷款申请</span>
            <span data-testid="app-no">{app.appNo}</span>
            <LoanStateTag state={app.state} />
            <DeadlineTag status={app.deadline?.status} {...(app.deadline ? { dueAt: app.deadline.dueAt } : {})} />
          </Space>
        }
        sub={`${app.caseName} · ${app.borrower.name}`}
        extra={
          <Space>
            <Button onClick={load} data-testid="reload">
              刷新
            </Button>
            <Button onClick={() => history.back()}>返回</Button>
          </Space>
        }
      />
      {reapproval && <Alert data-testid="reapproval" type="error" showIcon title="需重新审批" description={app.lastNote} style={{ marginBottom: 16 }} />}
      {app.state === '退回' && !reapproval && app.lastNote && <Alert type="warning" showIcon title={`退回原因：${app.lastNote}`} style={{ marginBottom: 16 }} />}
      {app.loan && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={24} xxl={10}>
            <Card title="还款情况" style={{ height: '100%' }}>
              <RepaymentInfo loan={app.loan} />
            </Card>
          </Col>
          <Col xs={24} xxl={14}>
            <Card title="还款计划表">
              <LoanSchedule loanId={app.loan.id} height={320} />
            </Card>
          </Col>
        </Row>
      )}
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} xl={14}>
          <Card title="办理" style={{ marginBottom: 16 }}>
            <LoanActions app={app} onDone={setApp} />
            <LoanConditionsPanel app={app} />
            {printableLoanForms(app).length > 0 && (
              <div style={{ marginTop: 16 }}>
                <PrintButtons applicationId={app.id} forms={printableLoanForms(app)} />
              </div>
            )}
          </Card>
          <GuaranteeFeeCard app={app} />
          <Card title="贷款进度" style={{ marginBottom: 16 }}>
            <LoanProgress app={app} />
          </Card>
          <Card title="申请信息" style={{ marginBottom: 16 }}>
            <Descriptions
              data-testid="app-info"
              size="small"
              bordered
              column={{ xs: 1, md: 2 }}
              styles={{ label: { whiteSpace: 'nowrap' } }}
              items={[
                { key: 'case', label: '购房类型', children: app.caseName },
                { key: 'state', label: '状态', children: app.state },
                { key: 'b', label: '借款人', children: <a href={`#/member?id=${app.borrower.id}`}>{app.borrower.name}（{app.borrower.accountNo}）</a> },
                { key: 'bid', label: '证件号码', children: app.borrower.idNumberMasked },
                { key: 'be', label: '工作单位', children: app.borrower.employerName },
                { key: 'bb', label: '借款人账户余额（元）', children: fen(app.borrower.balanceFen) },
                { key: 'bm', label: '连续缴存', children: `${app.borrower.continuousMonths} 个月` },
                { key: 'bc', label: '月缴存额（元）', children: fen(app.borrower.monthlyContributionFen) },
                {
                  key: 's',
                  label: '配偶',
                  children: app.spouse ? (
                    <a href={`#/member?id=${app.spouse.id}`}>
                      {app.spouse.name}（{app.spouse.accountNo}）{f.spouseCoApplicant ? '，共同申请人' : ''}
                    </a>
                  ) : (
                    '—'
                  ),
                },
                { key: 'sb', label: '配偶账户余额（元）', children: app.spouse ? fen(app.spouse.balanceFen) : '—' },
                { key: 'price', label: '房屋总价（元）', children: fen(f.house?.priceFen) },
                { key: 'area', label: '建筑面积', children: f.house?.areaSqm ? `${f.house.areaSqm} 平方米` : '—' },
                { key: 'down', label: '首付款（元）', children: fen(f.downPaymentFen) },
                { key: 'income', label: '家庭月收入（元）', children: fen(f.familyMonthlyIncomeFen) },
                ...(f.guarantee?.type ? [{ key: 'g', label: '担保方式', children: optionLabel(f.guarantee.type) ?? f.guarantee.type }] : []),
                { key: 'req', label: '申请贷款金额（元）', children: fen(app.requestedFen) },
                { key: 'appr', label: '核定贷款金额（元）', children: <span data-testid="approved-amount">{fen(app.approvedFen)}</span> },
                { key: 'term', label: '贷款期限', children: terms ? termText(terms.months) : '—' },
                { key: 'method', label: '还款方式', children: terms ? methodLabel(terms.method) : '—' },
                { key: 'rate', label: '年利率', children: d?.rate ? `${d.rate.annualRatePercent}%（${d.rate.basis}）` : '—' },
                { key: 'monthly', label: d?.method === 'linear' ? '首月还款额（元）' : '月还款额（元）', children: fen(monthly) },
                { key: 'payee', label: '放款账户', children: `${PAYEE_KINDS[app.payee.kind] ?? app.payee.kind}：${app.payee.accountName}，${app.payee.bankName} ${app.payee.accountNo}` },
                { key: 'contract', label: '借款合同编号', children: app.contract?.contractNo ?? '—' },
                { key: 'mortgage', label: '抵押登记证明号', children: app.contract?.mortgageRegNo ?? '—' },
                { key: 'deadline', label: '办结时限', children: app.deadline ? `${chinaDateTime(app.deadline.dueAt).slice(0, 10)} 前（受理材料齐全后15日内）` : '—' },
              ]}
            />
          </Card>
          <Card title="签署记录">
            <Timeline
              data-testid="events"
              items={app.events.map((e, i) => ({
                key: i,
                color: e.toState === '退回' || e.toState === '撤销' ? 'red' : e.action === 'disburse' ? 'green' : 'blue',
                title: chinaDateTime(e.at),
                content: (
                  <div>
                    <Typography.Text strong>{ACTIONS[e.action] ?? e.action}</Typography.Text>
                    <Typography.Text type="secondary">
                      {' '}
                      · {e.operatorName} · {e.fromState ? `${e.fromState} → ` : ''}
                      {e.toState}
                    </Typography.Text>
                    {e.note && e.note !== ACTIONS[e.action] && <div data-testid="event-note">{e.note}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <LoanDecisionCard
            title="审查结果（最近一次判定）"
            decision={d}
            hint="尚未判定"
            compact
            materials={{ items: app.materials, seen: new Set(app.materials.filter((m) => m.seen).map((m) => m.id)) }}
          />
        </Col>
      </Row>
    </>
  );
}
