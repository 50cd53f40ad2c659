import { Alert, Card, Col, DatePicker, Flex, Form, Row, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState, type ReactNode } from 'react';
import type { DailyJournalDto } from '../../../../shared/contract/dto';
import { api } from '../../api';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { PrintPdfButton } from '../../components/servicing/PrintPdfButton';
import { chinaToday } from '../../format';
import { useSession } from '../../session';

type Journal = DailyJournalDto;
const ALL = '';
const money = (f: number) => <Money fen={f} />;

/** A 合计 row under a small table; the figures are the service's sums, or sums of its rows. */
function totalRow(cells: ReactNode[]) {
  return (
    <Table.Summary.Row style={{ fontWeight: 600 }}>
      {cells.map((c, i) => (
        <Table.Summary.Cell key={i} index={i} align={i === 0 ? 'left' : 'right'}>
          {c}
        </Table.Summary.Cell>
      ))}
    </Table.Summary.Row>
  );
}
const sum = <T,>(rows: T[], f: (r: T) => number) => rows.reduce((t, r) => t + f(r), 0);

/**
 * 日结: a branch's (or the whole center's) entries of one day, by 业务类型, by 经办人 and by 会计科目, with the tie
 * to the ledger the service re-derives (已核对 / 不一致), and the printable 日结单.
 */
export function DailyJournalPage() {
  const { center } = useSession();
  const [date, setDate] = useState(chinaToday());
  const [branch, setBranch] = useState<string>(ALL);
  const [journal, setJournal] = useState<Journal | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = { date, ...(branch ? { branchCode: branch } : {}) };

  useEffect(() => {
    let live = true;
    setJournal(null);
    setError(null);
    api('ledger.daily', { date, ...(branch ? { branchCode: branch } : {}) }).then(
      (j) => live && setJournal(j),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [date, branch]);

  const j = journal;
  return (
    <>
      <PageTitle
        title="日结"
        sub={j && (j.ties ? <Tag color="green" data-testid="daily-ties">已核对</Tag> : <Tag color="red" data-testid="daily-ties">不一致</Tag>)}
        extra={<PrintPdfButton type="primary" label="打印日结单" testId="print-daily" print={() => api('print.daily', input)} />}
      />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline">
          <Form.Item label="日结日期">
            <DatePicker
              id="daily-date"
              allowClear={false}
              value={dayjs(date)}
              disabledDate={(d) => d.format('YYYY-MM-DD') > chinaToday()}
              onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
            />
          </Form.Item>
          <Form.Item label="网点">
            <Select
              id="daily-branch"
              style={{ minWidth: 240 }}
              value={branch}
              onChange={setBranch}
              options={[{ value: ALL, label: '全部网点' }, ...center.branches.map((b) => ({ value: b.code, label: `${b.name}（${b.code}）` }))]}
            />
          </Form.Item>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card loading={!j && !error} data-testid="daily-journal">
        {j && (
          <>
            <Flex gap={32} wrap style={{ marginBottom: 16 }}>
              <Typography.Text>
                凭证 <b data-testid="daily-count">{j.entries.length}</b> 笔
              </Typography.Text>
              <Typography.Text>
                借方合计 <Money fen={j.totalDebitFen} strong testId="daily-debit" /> 元
              </Typography.Text>
              <Typography.Text>
                贷方合计 <Money fen={j.totalCreditFen} strong testId="daily-credit" /> 元
              </Typography.Text>
              <Typography.Text type={j.ties ? 'success' : 'danger'}>
                {j.ties ? '当日凭证与总账发生额一致' : '当日凭证与总账发生额不一致，请先办理账务核对'}
              </Typography.Text>
              <Typography.Text type="secondary" data-testid="daily-integrity-head">
                完整性校验码 {j.integrityHead}
              </Typography.Text>
            </Flex>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <Subtotals title="按业务类型" testId="daily-by-type" label="业务类型" rows={j.byType.map((r) => ({ key: r.businessType, entries: r.entries, amountFen: r.amountFen }))} />
              </Col>
              <Col xs={24} xl={12}>
                <Subtotals title="按经办人" testId="daily-by-operator" label="经办人" rows={j.byOperator.map((r) => ({ key: r.operator, entries: r.entries, amountFen: r.amountFen }))} />
              </Col>
              <Col xs={24} xl={12}>
                <Subtotals title="按终端" testId="daily-by-terminal" label="柜台终端" rows={j.byTerminal.map((r) => ({ key: r.terminal, entries: r.entries, amountFen: r.amountFen }))} />
              </Col>
            </Row>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              按会计科目
            </Typography.Title>
            <Table
              data-testid="daily-by-account"
              size="small"
              bordered
              rowKey="code"
              pagination={false}
              dataSource={j.byAccount}
              columns={[
                { title: '科目代码', dataIndex: 'code', width: 100 },
                { title: '科目名称', dataIndex: 'name' },
                { title: '借方发生额（元）', dataIndex: 'debitFen', align: 'right', width: 180, render: money },
                { title: '贷方发生额（元）', dataIndex: 'creditFen', align: 'right', width: 180, render: money },
              ]}
              summary={() => totalRow(['合计', '', money(j.totalDebitFen), money(j.totalCreditFen)])}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              凭证列表
            </Typography.Title>
            <Table
              data-testid="daily-entries"
              size="small"
              bordered
              rowKey="entryNo"
              pagination={j.entries.length > 20 ? { pageSize: 20, size: 'small' } : false}
              dataSource={j.entries}
              columns={[
                { title: '凭证号', dataIndex: 'entryNo', width: 170 },
                {
                  title: '业务类型',
                  dataIndex: 'businessType',
                  width: 140,
                  render: (t: string, e: Journal['entries'][number]) => (
                    <>
                      {t}
                      {e.reversal && <Tag color="red">冲正</Tag>}
                    </>
                  ),
                },
                { title: '摘要', dataIndex: 'summary' },
                { title: '经办人', dataIndex: 'operator', width: 100 },
                { title: '分录', dataIndex: 'lines', align: 'right', width: 70 },
                { title: '金额（元）', dataIndex: 'debitFen', align: 'right', width: 150, render: money },
              ]}
            />
          </>
        )}
      </Card>
    </>
  );
}

/** One subtotal table of the day (by business type, operator or terminal): count and amount, with a 合计 row. */
function Subtotals(props: { title: string; testId: string; label: string; rows: Array<{ key: string; entries: number; amountFen: number }> }) {
  return (
    <>
      <Typography.Title level={5}>{props.title}</Typography.Title>
      <Table
        data-testid={props.testId}
        size="small"
        bordered
        rowKey="key"
        pagination={false}
        dataSource={props.rows}
        columns={[
          { title: props.label, dataIndex: 'key' },
          { title: '笔数', dataIndex: 'entries', align: 'right', width: 80 },
          { title: '金额（元）', dataIndex: 'amountFen', align: 'right', width: 160, render: money },
        ]}
        summary={(rows) => totalRow(['合计', sum([...rows], (r) => r.entries), money(sum([...rows], (r) => r.amountFen))])}
      />
    </>
  );
}
