import { Alert, Button, DatePicker, Descriptions, Flex, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { ExcessPaybackDto, NotarisationStatusDto } from '../../../../shared/contract/conditions';
import type { LoanAppDto } from '../../../../shared/contract/dto';
import { api, newKey } from '../../api';
import { chinaToday } from '../../format';
import { can } from '../../permissions';
import { useSession } from '../../session';
import { Money } from '../Money';
import { PrintButtons } from '../loan/PrintButtons';
import { ResultModal } from '../servicing/ResultModal';

/**
 * On the loan page: the 贷款公证 a 未婚、离异、农业户口、共有产权 borrower must have before disbursement (003), recorded
 * here, and the 放款通知单 once it may be issued; for a draft the 十分之一 rule refuses after a withdrawal for the
 * house, the excess to pay back (004 六(二)) — assessed here, paid back on the member's page.
 */
export function LoanConditionsPanel(props: { app: LoanAppDto }) {
  const { app } = props;
  const { operator } = useSession();
  const [status, setStatus] = useState<NotarisationStatusDto | null>(null);
  const [recording, setRecording] = useState(false);
  const [excess, setExcess] = useState<ExcessPaybackDto[] | null>(null);
  const [excessError, setExcessError] = useState<string | null>(null);
  const [n, setN] = useState(0);
  const late = ['已审批', '已签约', '已放款'].includes(app.state);

  useEffect(() => {
    if (late) api('loan.notarisation', { applicationId: app.id }).then(setStatus, () => setStatus(null));
  }, [app.id, app.state, late, n]);

  const reserveShort = ['草稿', '退回'].includes(app.state) && app.decision?.trace.some((t) => t.ruleId === 'uq.loan.reserve10' && t.outcome === 'failed');
  const noticeReady = ['已签约', '已放款'].includes(app.state) && status !== null && (!status.required || status.record !== null);

  return (
    <div data-testid="loan-conditions">
      {status?.required && (
        <Alert
          style={{ marginTop: 12 }}
          type={status.record ? 'success' : 'warning'}
          showIcon
          data-testid="notarisation-status"
          title={status.record ? `贷款公证已登记：${status.record.notaryOffice} ${status.record.notaryNo}（${status.record.notarisedDate}）` : `借款人属于${status.reasons.join('、')}情形，须在银川市公证处办理贷款公证，登记后才能放款`}
          action={
            !status.record && ['已审批', '已签约'].includes(app.state) && can(operator.role, 'loan.recordNotarisation') ? (
              <Button size="small" type="primary" onClick={() => setRecording(true)} data-testid="notarisation-record">
                登记贷款公证
              </Button>
            ) : undefined
          }
        />
      )}
      {noticeReady && (
        <div style={{ marginTop: 12 }}>
          <PrintButtons applicationId={app.id} forms={['disbursement']} testId="disbursement-print-buttons" />
        </div>
      )}
      {reserveShort && can(operator.role, 'excess.assess') && (
        <Flex vertical gap={8} style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">余额未达到申请额的十分之一：已提取公积金支付房款的，应将超额提取部分补缴回个人账户后再申请。</Typography.Text>
          <Button
            data-testid="excess-assess"
            onClick={() =>
              api('excess.assess', { applicationId: app.id, idempotencyKey: newKey('assess') }).then(
                (r) => (setExcess(r), setExcessError(null)),
                (e: Error) => setExcessError(e.message),
              )
            }
          >
            核定超额提取补缴
          </Button>
          {excessError && <Typography.Text type="danger">{excessError}</Typography.Text>}
          {excess && (
            <Descriptions
              size="small"
              bordered
              column={1}
              data-testid="excess-assessed"
              items={excess.map((x) => ({ key: x.id, label: `职工${x.memberId === app.borrower.id ? app.borrower.name : (app.spouse?.name ?? x.memberId)}应补缴`, children: <><Money fen={x.dueFen} strong /> 元（请在职工页面办理补缴）</> }))}
            />
          )}
        </Flex>
      )}
      {recording && (
        <NotarisationModal
          applicationId={app.id}
          onClose={(changed) => {
            setRecording(false);
            if (changed) setN((x) => x + 1);
          }}
        />
      )}
    </div>
  );
}

function NotarisationModal(props: { applicationId: number; onClose: (changed: boolean) => void }) {
  const [key] = useState(() => newKey('notary'));
  return (
    <ResultModal<{ notaryOffice: string; notaryNo: string; notarisedDate: Dayjs }, NotarisationStatusDto>
      title="登记贷款公证"
      okText="确认登记"
      testId="notarisation-modal"
      initialValues={{ notaryOffice: '银川市公证处', notarisedDate: dayjs(chinaToday()) }}
      onClose={props.onClose}
      send={(v) => api('loan.recordNotarisation', { applicationId: props.applicationId, notaryOffice: v.notaryOffice, notaryNo: v.notaryNo, notarisedDate: v.notarisedDate.format('YYYY-MM-DD'), idempotencyKey: key })}
      form={() => (
        <>
          <Form.Item label="公证处" name="notaryOffice" rules={[{ required: true, whitespace: true, message: '请填写公证处' }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item label="公证书编号" name="notaryNo" rules={[{ required: true, whitespace: true, message: '请填写公证书编号' }]}>
            <Input placeholder="如：（2026）宁银证字第1234号" maxLength={60} />
          </Form.Item>
          <Form.Item label="公证日期" name="notarisedDate" rules={[{ required: true, message: '请选择公证日期' }]}>
            <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') > chinaToday()} />
          </Form.Item>
        </>
      )}
      result={(r) => <Typography.Text data-testid="notarisation-result">已登记：{r.record?.notaryOffice} {r.record?.notaryNo}，可以开具放款通知单并放款。</Typography.Text>}
    />
  );
}
