import { Alert, Card, Empty, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { LoanAppDto, LoanState } from '../../../../shared/contract/dto';
import { api } from '../../api';
import { LoanStateTag } from './labels';
import { LoanProgress } from './LoanProgress';
import { LoanServicing } from '../servicing/LoanServicing';

const OPEN_STATES: LoanState[] = ['草稿', '待复核', '待审批', '已审批', '已签约', '已放款', '退回'];

/**
 * 贷款 on the member page, as the mobile app shows it: for each loan or application 贷款进度, and once disbursed
 * 还款情况, 还款明细 and the clerk's 还款 / 提前还款 (LoanServicing). Loans where the member is the spouse are listed
 * too (members.loans includes them).
 */
export function MemberLoansCard(props: { memberId: number }) {
  const [apps, setApps] = useState<LoanAppDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setApps(null);
    (async () => {
      const [loans, pending] = await Promise.all([api('members.loans', { memberId: props.memberId }), api('loan.list', { memberId: props.memberId, states: OPEN_STATES })]);
      const ids = [...new Set([...loans.map((l) => l.applicationId), ...pending.map((p) => p.id)])].sort((a, b) => b - a);
      const got = await Promise.all(ids.map((id) => api('loan.get', { applicationId: id })));
      if (live) setApps(got);
    })().catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [props.memberId]);

  return (
    <Card title="贷款" data-testid="member-loans" style={{ marginBottom: 16 }} loading={apps === null && !error}>
      {error && <Alert type="error" showIcon title={error} />}
      {apps?.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无住房公积金贷款" />}
      {apps?.map((a) => (
        <Card
          key={a.id}
          type="inner"
          data-testid={`member-loan-${a.appNo}`}
          style={{ marginBottom: 12 }}
          title={
            <Space>
              <span>住房公积金贷款 · {a.caseName}</span>
              <LoanStateTag state={a.state} />
              {a.borrower.id !== props.memberId && <Typography.Text type="secondary">（借款人：{a.borrower.name}）</Typography.Text>}
            </Space>
          }
          extra={<a href={`#/loan?id=${a.id}`}>{a.appNo}</a>}
        >
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            贷款进度
          </Typography.Title>
          <LoanProgress app={a} />
          {a.loan && <LoanServicing loan={a.loan} />}
        </Card>
      ))}
    </Card>
  );
}
