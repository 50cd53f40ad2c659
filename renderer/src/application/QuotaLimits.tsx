import { Popover, Table, Tag } from 'antd';
import type { CSSProperties } from 'react';
import type { QuotaLimit } from '../../../shared/rules/types';
import { Money } from '../components/Money';
import { SourceNote } from './SourceNote';

/** Every quota limit the engine applied, the binding one marked: the clerk sees why the quota is what it is. */
export function QuotaLimits(props: { limits: QuotaLimit[]; style?: CSSProperties }) {
  return (
    <Table<QuotaLimit>
      data-testid="quota-limits"
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={props.limits}
      style={props.style}
      onRow={(l) => ({ 'data-binding': l.binding ? 'true' : 'false', style: l.binding ? { background: '#fff7e6', fontWeight: 600 } : {} }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: '额度限制',
          dataIndex: 'label',
          render: (label: string, l) => (
            <Popover title="依据" content={<SourceNote source={l.source} ruleId={l.id} />}>
              <span style={{ cursor: 'help' }}>{label}</span>
              {l.binding && (
                <Tag color="orange" style={{ marginLeft: 6 }}>
                  起约束作用
                </Tag>
              )}
            </Popover>
          ),
        },
        { title: '金额（元）', dataIndex: 'amountFen', align: 'right', width: 150, render: (f: number) => <Money fen={f} /> },
      ]}
    />
  );
}
