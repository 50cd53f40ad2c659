import { Card, Typography } from 'antd';
import { useSession } from '../session';

export function HomePage() {
  const { operator, center } = useSession();
  return (
    <Card>
      <Typography.Title level={3}>
        {operator.name}，您好
      </Typography.Title>
      <Typography.Paragraph>{center.name}</Typography.Paragraph>
    </Card>
  );
}
