import { Card, Col, Form, Row } from 'antd';
import type { MemberListItem } from '../../../../shared/contract/dto';
import { WithdrawalApplicationSchema } from '../../../../shared/rules';
import type { CaseLayout } from '../../application/caseFields';
import { FieldGrid } from '../../application/SchemaField';
import { fieldSpec, schemaAt } from '../../application/schemaFields';
import { MemberPicker } from '../../components/MemberPicker';
import { MemberFacts } from './MemberFacts';
import { asListItem, type LoadedPerson } from './people';

const maritalSpec = fieldSpec(schemaAt(WithdrawalApplicationSchema, ['maritalStatus'])!, ['maritalStatus'], '婚姻状况')!;

/**
 * 婚姻与配偶, where the case takes the spouse into account: a spouse who pays in at this center is picked (the
 * service reads their account from the ledger, as spouseMemberId); one who does not is described by hand.
 */
export function SpouseCard(props: { married: boolean; layout: CaseLayout; spouse: LoadedPerson | null; onPick(id: number | undefined): void }) {
  const { layout, spouse } = props;
  return (
    <Card title="婚姻与配偶" style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <FieldGrid specs={[{ ...maritalSpec, required: false }]} prefix={['facts']} />
        </Col>
      </Row>
      {props.married && (
        <>
          <Form.Item
            label="配偶（在本中心缴存的）"
            name="spouseMemberId"
            htmlFor="pick-spouse"
            getValueFromEvent={(m?: MemberListItem) => m?.id}
            extra="选中后，配偶的余额、账户状态等从账务带出；配偶不在本中心缴存的，不选，在下方填写"
          >
            <MemberPicker id="pick-spouse" testId="pick-spouse" initial={spouse ? asListItem(spouse.detail) : null} onChange={(m) => props.onPick(m?.id)} />
          </Form.Item>
          {layout.couple.length > 0 && <FieldGrid specs={layout.couple} prefix={['facts']} />}
          {spouse ? <MemberFacts m={spouse.detail} testId="intake-spouse" /> : <FieldGrid specs={layout.spouse} prefix={['facts']} />}
        </>
      )}
    </Card>
  );
}
