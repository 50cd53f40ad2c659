import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The heading of a page with its actions on the right. */
export function PageTitle(props: { title: ReactNode; sub?: ReactNode; extra?: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
      <Flex align="baseline" gap={12} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {props.title}
        </Typography.Title>
        {props.sub && <Typography.Text type="secondary">{props.sub}</Typography.Text>}
      </Flex>
      {props.extra}
    </Flex>
  );
}
