import { Alert, Button, Card, Col, Descriptions, Row, Space, Statistic } from 'antd';
import { useEffect, useState } from 'react';
import type { MemberDetail } from '../../../shared/contract/dto';
import { api } from '../api';
import { Money } from '../components/Money';
import { PageTitle } from '../components/PageTitle';
import { StatementCard } from '../components/StatementCard';
import { MemberLoansCard } from '../components/loan/MemberLoansCard';
import { AccountServicingCard } from '../components/servicing/AccountServicingCard';
import { StatusTag } from '../components/StatusTag';
import { WithdrawalRecordsCard } from '../components/WithdrawalRecordsCard';
import { AppointmentHistoryCard } from '../components/AppointmentHistoryCard';
import { MemberHoldsCard } from '../components/conditions/MemberHoldsCard';
import { monthLabel, percent, yuan } from '../format';
import type { PageProps } from '../routes';

const STAT = { fontSize: 20 };

/** 职工详情: 个人信息 (the full 证件号码 is shown here, to the clerk serving this member), 提取记录 and 账户明细. */
export function MemberDetailPage({ route }: PageProps) {
  const memberId = Number(route.params.get('id'));
  const [member, setMember] = useState<MemberDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setMember(null);
    setError(null);
    api('members.get', { memberId }).then(setMember, (e: Error) => setError(e.message));
  }, [memberId]);

  if (error) return <Alert type="error" showIcon title={error} action={<Button onClick={() => history.back()}>返回</Button>} />;
  if (!member) return <Card loading />;
  const m = member;
  const monthlyTotal = m.monthlyEmployeeFen + m.monthlyEmployerFen;
  return (
    <>
      <PageTitle
        title={
          <Space>
            <span data-testid="member-name">{m.name}</span>
            <StatusTag status={m.status} />
          </Space>
        }
        sub={`个人账号 ${m.accountNo}`}
        extra={<Button onClick={() => history.back()}>返回</Button>}
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="member-summary">
        <Col xs={24} md={6}>
          <Card size="small">
            <Statistic valueStyle={STAT} title="账户余额（元）" value={m.balanceFen} formatter={() => <span data-testid="member-balance">{yuan(m.balanceFen)}</span>} />
          </Card>
        </Col>
        <Col xs={24} md={6}>
          <Card size="small">
            <Statistic valueStyle={STAT} title="月缴存额（元）" value={yuan(monthlyTotal)} />
          </Card>
        </Col>
        <Col xs={24} md={6}>
          <Card size="small">
            <Statistic valueStyle={STAT} title="连续缴存月数" value={m.continuousMonths} suffix="个月" />
          </Card>
        </Col>
        <Col xs={24} md={6}>
          <Card size="small">
            <Statistic valueStyle={STAT} title="最近缴存月份" value={monthLabel(m.lastContributionMonth)} />
          </Card>
        </Col>
      </Row>
      {/* 1366×768 first: the summary, then 账户明细 within the first screen, then the particulars. */}
      <StatementCard memberId={m.id} />
      <div style={{ height: 12 }} />
      <Card title="个人信息" size="small" style={{ marginBottom: 12 }}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'name', label: '职工姓名', children: m.name },
            { key: 'acct', label: '个人账号', children: m.accountNo },
            { key: 'status', label: '账户状态', children: <StatusTag status={m.status} /> },
            { key: 'id', label: '证件号码', children: <span data-testid="member-id-number">{m.idNumber}</span> },
            { key: 'birth', label: '出生日期', children: m.birthDate },
            { key: 'sex', label: '性别', children: m.sex },
            { key: 'phone', label: '联系电话', children: m.phone },
            {
              key: 'employer',
              label: '所在单位',
              children: (
                <a href={`#/employer?id=${m.employer.id}`} data-testid="member-employer">
                  {m.employer.name}
                </a>
              ),
            },
            { key: 'eacct', label: '单位账号', children: m.employer.accountNo },
            { key: 'opened', label: '开户日期', children: m.openedDate },
            { key: 'base', label: '缴存基数（元）', children: <Money fen={m.baseFen} /> },
            {
              key: 'ratio',
              label: '缴存比例',
              children: `个人 ${percent(m.employer.employeeRatioPercent)} / 单位 ${percent(m.employer.employerRatioPercent)}`,
            },
            {
              key: 'monthly',
              label: '月缴存额（元）',
              children: (
                <span>
                  <Money fen={monthlyTotal} strong />（个人 <Money fen={m.monthlyEmployeeFen} /> + 单位 <Money fen={m.monthlyEmployerFen} />）
                </span>
              ),
            },
            { key: 'balance', label: '账户余额（元）', children: <Money fen={m.balanceFen} strong /> },
            ...(m.supplementaryBalanceFen !== 0
              ? [{ key: 'supp', label: '补充公积金余额（元）', children: <Money fen={m.supplementaryBalanceFen} /> }]
              : []),
            { key: 'last', label: '最近缴存月份', children: monthLabel(m.lastContributionMonth) },
            { key: 'cont', label: '连续缴存月数', children: `${m.continuousMonths} 个月` },
          ]}
        />
      </Card>
      <MemberHoldsCard memberId={m.id} onChange={() => api('members.get', { memberId }).then(setMember, () => undefined)} />
      <AccountServicingCard member={m} onChange={setMember} />
      <MemberLoansCard memberId={m.id} />
      <div style={{ height: 12 }} />
      <WithdrawalRecordsCard memberId={m.id} canWithdraw={m.status !== '销户'} />
      <AppointmentHistoryCard memberId={m.id} />
    </>
  );
}
