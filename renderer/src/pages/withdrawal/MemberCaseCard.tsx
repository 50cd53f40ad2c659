import { Card, Col, Form, Row, Select, Typography } from 'antd';
import type { MemberListItem } from '../../../../shared/contract/dto';
import type { CaseView } from '../../../../shared/rules';
import { caseOptions } from '../../application/caseOptions';
import { MemberPicker } from '../../components/MemberPicker';
import { MemberFacts } from './MemberFacts';
import { asListItem, type LoadedPerson } from './people';

/** 职工 and 提取原因: who withdraws (fixed once saved) and under which case, with the member's ledger facts. */
export function MemberCaseCard(props: {
  member: LoadedPerson | null;
  cases: CaseView[] | null;
  kase: CaseView | undefined;
  locked: boolean;
  onMember(id: number | undefined): void;
  onCase(): void;
}) {
  const { member, kase } = props;
  return (
    <Card title="职工与提取原因" style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label="职工" name="memberId" htmlFor="pick-member" rules={[{ required: true, message: '请选择职工' }]} getValueFromEvent={(m?: MemberListItem) => m?.id}>
            <MemberPicker
              id="pick-member"
              testId="pick-member"
              initial={member ? asListItem(member.detail) : null}
              disabled={props.locked}
              onChange={(m) => props.onMember(m?.id)}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="提取原因" name="caseId" htmlFor="case-select" rules={[{ required: true, message: '请选择提取原因' }]}>
            <Select
              id="case-select"
              data-testid="case-select"
              placeholder="请选择"
              loading={!props.cases}
              options={caseOptions(props.cases ?? [])}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={props.onCase}
            />
          </Form.Item>
        </Col>
      </Row>
      {member && <MemberFacts m={member.detail} testId="intake-member" />}
      {kase && (
        <Typography.Text type="secondary">
          依据：{kase.source.clause}
          <a href={`#/guides?guide=withdrawal:${kase.id}`} style={{ marginLeft: 8 }}>
            办事指南
          </a>
        </Typography.Text>
      )}
    </Card>
  );
}
