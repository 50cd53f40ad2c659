import { Card, Col, Descriptions, Input, Row, Typography } from 'antd';
import type { CallName } from '../../../shared/contract/calls';
import { can } from '../permissions';
import { navigate } from '../router';
import { useSession } from '../session';
import { AppointmentsCard } from './home/AppointmentsCard';

const QUICK_LINKS: Array<{ title: string; text: string; to: string; call: CallName }> = [
  { title: '提取受理', text: '选择职工和提取原因，即时审查并勾选材料', to: '/withdrawal/intake', call: 'withdrawal.create' },
  { title: '待办', text: '待办的提取与贷款申请，临近时限的在前；我的草稿', to: '/inbox', call: 'inbox.list' },
  { title: '职工开户', text: '为新入职职工开立个人住房公积金账户', to: '/members/open', call: 'members.open' },
  { title: '单位汇缴', text: '查找单位，预览并确认本月汇缴或补缴', to: '/employers', call: 'remit.post' },
  { title: '缴存计算器', text: '按缴存基数和比例计算月缴存额', to: '/calc', call: 'calc.contribution' },
];

/** The counter's start: find the member in front of the clerk, today's appointments, or the day's common tasks. */
export function HomePage() {
  const { operator, center } = useSession();
  const links = QUICK_LINKS.filter((l) => can(operator.role, l.call));
  return (
    <div style={{ maxWidth: 1100, margin: '0 auto' }}>
      <Card style={{ marginBottom: 24 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {operator.name}，您好
        </Typography.Title>
        <Typography.Paragraph type="secondary">查询职工：输入职工姓名、证件号码（或其后几位）、个人账号，按回车查询</Typography.Paragraph>
        <Input.Search
          aria-label="职工查询"
          data-testid="home-search"
          size="large"
          autoFocus
          allowClear
          enterButton="查询"
          placeholder="职工姓名 / 证件号码 / 个人账号"
          onSearch={(v) => v.trim() && navigate(`/members?q=${encodeURIComponent(v.trim())}`)}
        />
      </Card>
      <AppointmentsCard />
      <Row gutter={[24, 24]}>
        {links.map((l) => (
          <Col key={l.to} xs={24} md={8}>
            <a href={`#${l.to}`} style={{ display: 'block' }}>
              <Card hoverable>
                <Typography.Title level={4} style={{ marginTop: 0, color: '#1f5fa8' }}>
                  {l.title}
                </Typography.Title>
                <Typography.Text type="secondary">{l.text}</Typography.Text>
              </Card>
            </a>
          </Col>
        ))}
      </Row>
      <Card title={center.name} style={{ marginTop: 24 }}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'hotline', label: '服务热线', children: center.hotline },
            { key: 'hours', label: '办公时间', children: center.hours },
            { key: 'address', label: '办公地址', children: center.address },
            { key: 'web', label: '官方网站', children: center.website },
          ]}
        />
      </Card>
    </div>
  );
}
