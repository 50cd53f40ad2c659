import { Card, Descriptions, List, Popover, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Guide, GuideItem } from '../../../../shared/rules/views';
import { SourceNote } from '../../application/DecisionPanel';

function Items(props: { items: GuideItem[]; testId: string; empty: string }) {
  if (props.items.length === 0) return <Typography.Text type="secondary">{props.empty}</Typography.Text>;
  return (
    <ol data-testid={props.testId} style={{ paddingLeft: 22, margin: 0 }}>
      {props.items.map((i) => (
        <li key={i.ruleId} style={{ marginBottom: 10 }}>
          <Typography.Text strong>{i.title}</Typography.Text>
          <div style={{ color: '#555' }}>
            原文：“{i.clause}”
            <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
              {i.ruleId}
            </Typography.Text>
          </div>
          {i.note && <div style={{ color: '#8c8c8c', fontSize: 13 }}>说明：{i.note}</div>}
        </li>
      ))}
    </ol>
  );
}

function Part(props: { title: string; children: ReactNode }) {
  return (
    <section style={{ marginBottom: 24 }}>
      <Typography.Title level={4} style={{ borderLeft: '4px solid #1f5fa8', paddingLeft: 8 }}>
        {props.title}
      </Typography.Title>
      {props.children}
    </section>
  );
}

/** One 办事指南 on screen, in the same order and words as the printed one: both come from rules.guides. */
export function GuideView(props: { guide: Guide; extra?: ReactNode }) {
  const g = props.guide;
  return (
    <Card
      data-testid="guide"
      title={
        <span>
          {g.title} <Tag color="blue">{g.group}</Tag>
        </span>
      }
      extra={props.extra}
    >
      <Typography.Paragraph type="secondary">
        {g.centerName} · 依据“{g.basis.clause}”（{g.basis.file}）· 按 {g.asOf} 有效政策
      </Typography.Paragraph>
      <Part title="办理条件">
        <Items items={g.conditions} testId="guide-conditions" empty="无特别条件" />
      </Part>
      <Part title="时限要求">
        <Items items={g.timeLimits} testId="guide-time-limits" empty="无时限要求" />
      </Part>
      <Part title="金额限制">
        <Items items={g.amountLimits} testId="guide-amount-limits" empty="无金额限制" />
      </Part>
      <Part title="所需材料">
        <Table
          data-testid="guide-materials"
          size="small"
          pagination={false}
          rowKey={(m) => `${m.text}-${m.when ?? ''}-${m.source.clause}`}
          dataSource={g.materials}
          columns={[
            { title: '序号', key: 'no', width: 60, render: (_: unknown, __: unknown, i: number) => i + 1 },
            {
              title: '材料',
              dataIndex: 'text',
              render: (text: string, m) => (
                <Popover title="依据" content={<SourceNote source={m.source} />}>
                  <span style={{ cursor: 'help' }}>{text}</span>
                </Popover>
              ),
            },
            { title: '适用情形', dataIndex: 'when', width: 260, render: (w: string | null) => w ?? <Typography.Text type="secondary">均须提供</Typography.Text> },
          ]}
        />
      </Part>
      <Part title="办理流程">
        {g.procedures.map((p) => (
          <div key={p.title} style={{ marginBottom: 12 }}>
            {g.procedures.length > 1 && <Typography.Text strong>{p.title}</Typography.Text>}
            <List
              size="small"
              dataSource={p.steps}
              renderItem={(s) => (
                <List.Item style={{ padding: '4px 0' }}>
                  <span>
                    <Tag color="geekblue">第{s.no}步</Tag>
                    {s.text}
                  </span>
                </List.Item>
              )}
            />
          </div>
        ))}
      </Part>
      <Part title="咨询与办理地点">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'name', label: '中心', children: g.contact.name },
            { key: 'hotline', label: '服务热线', children: g.contact.hotline },
            { key: 'address', label: '地址', children: g.contact.address },
            { key: 'hours', label: '办公时间', children: g.contact.hours },
            { key: 'web', label: '网站', children: g.contact.website },
          ]}
        />
        {g.contact.branches.length > 0 && (
          <Table
            size="small"
            pagination={false}
            rowKey="name"
            dataSource={g.contact.branches}
            style={{ marginTop: 12 }}
            columns={[
              { title: '办理网点', dataIndex: 'name', width: 260 },
              { title: '地址', dataIndex: 'address' },
              { title: '电话', dataIndex: 'phone', width: 120, render: (p: string) => p || '—' },
            ]}
          />
        )}
      </Part>
    </Card>
  );
}
