import { Alert, Button, Card, Col, Row, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { WithdrawalAppDto } from '../../../../shared/contract/dto';
import { api } from '../../api';
import { AppStateTag, DeadlineTag } from '../../components/ApplicationTags';
import { PageTitle } from '../../components/PageTitle';
import type { PageProps } from '../../routes';
import { ApplicationSummary, PaidBanner } from './ApplicationSummary';
import { PrintButtons } from './PrintButtons';
import { SignOffTimeline } from './SignOffTimeline';
import { StoredDecision } from './StoredDecision';
import { WithdrawalActions } from './WithdrawalActions';
import { DishonestCheckPanel } from './DishonestCheckPanel';

/** 提取申请详情: particulars, the stored decision, the sign-off record, what this post may do now, the forms. */
export function WithdrawalDetailPage({ route }: PageProps) {
  const id = Number(route.params.get('id'));
  const [app, setApp] = useState<WithdrawalAppDto | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setApp(null);
    setError(null);
    api('withdrawal.get', { applicationId: id }).then(setApp, (e: Error) => setError(e.message));
  }, [id]);

  if (error) return <Alert type="error" showIcon title={error} action={<Button onClick={() => history.back()}>返回</Button>} />;
  if (!app) return <Card loading />;
  const a = app;
  return (
    <>
      <PageTitle
        title={
          <Space>
            提取申请 <span data-testid="app-no">{a.appNo}</span>
            <AppStateTag state={a.state} testId="app-state" />
            <DeadlineTag status={a.deadline?.status ?? null} dueAt={a.deadline?.dueAt} />
          </Space>
        }
        sub={`${a.member.name} · ${a.caseName}`}
        extra={<Button onClick={() => history.back()}>返回</Button>}
      />
      {a.state === '退回' && a.lastNote && <Alert type="warning" showIcon title={`退回原因：${a.lastNote}`} style={{ marginBottom: 16 }} />}
      <PaidBanner app={a} />
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} xl={14}>
          <Card title="申请信息" style={{ marginBottom: 16 }}>
            <ApplicationSummary app={a} />
          </Card>
          <Card title="办理" style={{ marginBottom: 16 }}>
            <DishonestCheckPanel app={a} onChanged={setApp} />
            <WithdrawalActions app={a} onChanged={setApp} />
            <PrintButtons app={a} />
          </Card>
          <Card title="办理记录">
            <SignOffTimeline app={a} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <StoredDecision app={a} />
        </Col>
      </Row>
    </>
  );
}
