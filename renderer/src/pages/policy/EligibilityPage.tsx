import { Alert, Button, Card, Col, DatePicker, Divider, Form, Row, Segmented, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MemberListItem } from '../../../../shared/contract/dto';
import { LoanApplicationSchema, PersonSchema, WithdrawalApplicationSchema, type ApplicationKind, type CaseView } from '../../../../shared/rules';
import { api } from '../../api';
import { MemberPicker } from '../../components/MemberPicker';
import { PageTitle } from '../../components/PageTitle';
import { chinaToday } from '../../format';
import type { PageProps } from '../../routes';
import { useSession } from '../../session';
import { caseLayout } from '../../application/caseFields';
import { caseOptions } from '../../application/caseOptions';
import { DecisionPanel } from '../../application/DecisionPanel';
import { exampleFor } from './examples';
import { toApplication, toFormValues } from '../../application/formValues';
import { FieldGrid } from '../../application/SchemaField';
import { fieldSpec, schemaAt } from '../../application/schemaFields';
import { useLiveDecision } from '../../application/useLiveDecision';

type Name = (string | number)[];
type Values = Record<string, unknown>;
const sameName = (a: readonly (string | number)[], b: readonly (string | number)[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const KIND_OPTIONS = [
  { label: '提取', value: 'withdrawal' },
  { label: '贷款', value: 'loan' },
];

/**
 * 政策审查: the clerk records an application's facts and sees, while typing, what the policy engine concludes —
 * verdict, maximum, limits, trace, materials. Nothing here decides policy; the page builds the engine's input.
 */
export function EligibilityPage({ route }: PageProps) {
  const { center } = useSession();
  const [form] = Form.useForm<Values>();
  const [cases, setCases] = useState<{ withdrawal: CaseView[]; loan: CaseView[] } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [kind, setKind] = useState<ApplicationKind>(route.params.get('kind') === 'loan' ? 'loan' : 'withdrawal');
  const [caseId, setCaseId] = useState<string | undefined>(route.params.get('case') ?? undefined);
  const [memberId, setMemberId] = useState<number>();
  const [spouseId, setSpouseId] = useState<number>();
  const serverErrors = useRef<Name[]>([]);
  const maritalStatus = Form.useWatch('maritalStatus', form) as string | undefined;

  const schema = kind === 'loan' ? LoanApplicationSchema : WithdrawalApplicationSchema;
  const kase = cases?.[kind].find((c) => c.id === caseId);
  const layout = useMemo(() => caseLayout(schema, kind, kase), [schema, kind, kase]);
  const personWord = kind === 'loan' ? '借款人' : '职工';
  const maritalSpec = useMemo(() => fieldSpec(schemaAt(schema, ['maritalStatus'])!, ['maritalStatus'], '婚姻状况')!, [schema]);

  useEffect(() => {
    api('rules.cases', {}).then(setCases, (e: Error) => setLoadError(e.message));
  }, []);

  const showFieldError = useCallback(
    (field: string, message: string): boolean => {
      const path: Name = field
        .replace(/^application\.?/, '')
        .split('.')
        .filter(Boolean)
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      const registered = form.getFieldsError().map((f) => f.name);
      // The nearest field on screen: an error inside a list item that is not shown lands on the list.
      for (let n = path.length; n > 0; n--) {
        const name = path.slice(0, n);
        if (registered.some((r) => sameName(r, name))) {
          form.setFields([{ name, errors: [message] }]);
          serverErrors.current.push(name);
          return true;
        }
      }
      return false;
    },
    [form],
  );
  const live = useLiveDecision(showFieldError);

  const evaluate = useCallback(() => {
    if (serverErrors.current.length > 0) {
      form.setFields(serverErrors.current.map((name) => ({ name, errors: [] })));
      serverErrors.current = [];
    }
    live.schedule(() => {
      if (!kase) return { hint: `请选择${kind === 'loan' ? '购房类型' : '提取原因'}` };
      const values = form.getFieldsValue(true) as Values;
      const person = values[layout.personKey] as Values | undefined;
      if (!person?.name) return { hint: `请选择${personWord}，或填写${personWord}姓名和账户余额` };
      const { value, badMoney } = toApplication(schema, values);
      if (badMoney.length > 0) return { problem: '有金额填写不正确，请按标红处更正后再判定' };
      const application: Values = { ...(value as Values), center: center.id, kind, caseId: kase.id };
      if (values.maritalStatus !== 'married') delete application.spouse;
      return { kind, application };
    });
  }, [form, live, kase, kind, layout.personKey, personWord, schema, center.id]);

  /** A fresh form for another case or kind; the applicant, the spouse and the date stay. */
  const startOver = useCallback(
    (personKey: string, carry: Values = form.getFieldsValue(true) as Values) => {
      const person = carry.member ?? carry.borrower;
      form.resetFields();
      form.setFieldsValue({
        applicationDate: carry.applicationDate ?? dayjs(chinaToday()),
        maritalStatus: carry.maritalStatus ?? 'single',
        [personKey]: person ?? { accountStatus: '正常' },
        ...(carry.spouse ? { spouse: carry.spouse } : {}),
      });
    },
    [form],
  );

  // Mount only: later changes go through changeKind / changeCase, which carry the applicant over.
  useEffect(() => startOver(layout.personKey, {}), []);

  // Re-judge whenever what the form means changes (case, kind), not only on typing.
  useEffect(evaluate, [kase, kind]);

  const changeKind = (k: ApplicationKind) => {
    startOver(k === 'loan' ? 'borrower' : 'member');
    setKind(k);
    setCaseId(undefined);
  };
  const changeCase = (id: string | undefined) => {
    startOver(layout.personKey);
    setCaseId(id);
  };

  const pickPerson = async (m: MemberListItem | undefined, key: 'member' | 'borrower' | 'spouse') => {
    (key === 'spouse' ? setSpouseId : setMemberId)(m?.id);
    if (!m) return;
    try {
      const facts = await api('rules.memberFacts', { memberId: m.id });
      form.setFieldValue([key], toFormValues(PersonSchema, facts));
      if (key === 'spouse') form.setFieldValue(['maritalStatus'], 'married');
      evaluate();
    } catch (e) {
      setLoadError((e as Error).message);
    }
  };

  const loadExample = () => {
    if (!kase) return;
    const values = form.getFieldsValue(true) as Values;
    const date = (values.applicationDate as Dayjs | undefined)?.format('YYYY-MM-DD') ?? chinaToday();
    const ex = exampleFor(center.id, kind, kase.id, date);
    // A member already picked stays: the example only adds what the ledger cannot know (e.g. the credit report).
    const picked = memberId !== undefined ? (toApplication(PersonSchema, values[layout.personKey]).value as Values) : null;
    const person = picked ? { ...picked, ...(ex.person.credit ? { credit: ex.person.credit } : {}) } : ex.person;
    const spouse = spouseId !== undefined ? toApplication(PersonSchema, values.spouse).value : ex.spouse;
    form.resetFields();
    form.setFieldsValue(
      toFormValues(schema, {
        applicationDate: date,
        [layout.personKey]: person,
        ...(spouse ? { spouse } : {}),
        maritalStatus: spouse ? ex.maritalStatus : 'single',
        ...ex.facts,
      }) as Values,
    );
    evaluate();
  };

  const list = cases?.[kind] ?? [];
  const married = maritalStatus === 'married';
  return (
    <>
      <PageTitle title="政策审查" sub={`${center.name} · 结论、金额和材料均按申请日有效的政策即时判定`} />
      {loadError && <Alert type="error" showIcon title={loadError} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} xl={14}>
          <Form<Values> form={form} layout="vertical" onValuesChange={evaluate} autoComplete="off">
            <Card title="业务" style={{ marginBottom: 16 }}>
              <Row gutter={16} align="bottom">
                <Col xs={24} md={6}>
                  <Form.Item label="业务类别">
                    <Segmented data-testid="kind" options={KIND_OPTIONS} value={kind} onChange={(v) => changeKind(v as ApplicationKind)} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item label={kind === 'loan' ? '购房类型' : '提取原因'} htmlFor="case-select">
                    <Select
                      id="case-select"
                      data-testid="case-select"
                      placeholder="请选择"
                      loading={!cases}
                      value={caseId}
                      onChange={changeCase}
                      options={caseOptions(list)}
                      showSearch={{ optionFilterProp: 'label' }}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item label="申请日期" name="applicationDate" extra="按此日有效的政策判定">
                    <DatePicker format="YYYY-MM-DD" allowClear={false} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Space wrap>
                <Button data-testid="load-example" onClick={loadExample} disabled={!kase}>
                  载入示例
                </Button>
                {kase && (
                  <Typography.Text type="secondary">
                    依据：{kase.source.clause}
                  </Typography.Text>
                )}
              </Space>
            </Card>

            <Card title={personWord} style={{ marginBottom: 16 }}>
              <Form.Item label={`选择${personWord}`} htmlFor="pick-person" extra="从账务带出余额、账户状态、连续缴存月数等；也可直接填写">
                <MemberPicker id="pick-person" testId="pick-person" value={memberId} onChange={(m) => void pickPerson(m, layout.personKey)} />
              </Form.Item>
              <FieldGrid specs={layout.person} />
            </Card>

            <Card title="婚姻与配偶" style={{ marginBottom: 16 }}>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <FieldGrid specs={[{ ...maritalSpec, required: false }]} />
                </Col>
              </Row>
              {married && layout.asksSpouse && (
                <>
                  <Form.Item label="选择配偶" htmlFor="pick-spouse" extra="配偶也在本中心缴存的，从账务带出；否则直接填写">
                    <MemberPicker id="pick-spouse" testId="pick-spouse" value={spouseId} onChange={(m) => void pickPerson(m, 'spouse')} />
                  </Form.Item>
                  <FieldGrid specs={[...layout.couple, ...layout.spouse]} />
                </>
              )}
              {married && !layout.asksSpouse && kase && <Typography.Text type="secondary">本项业务不涉及配偶账户</Typography.Text>}
            </Card>

            {kase && (
              <Card title={`${kase.name}：申请事实`} data-testid="case-facts">
                <FieldGrid specs={layout.facts} />
                {layout.other.length > 0 && (
                  <>
                    <Divider titlePlacement="start" plain>
                      申请金额及其他
                    </Divider>
                    <FieldGrid specs={layout.other} />
                  </>
                )}
              </Card>
            )}
          </Form>
        </Col>
        <Col xs={24} xl={10} style={{ position: 'sticky', top: 16, maxHeight: 'calc(100vh - 32px)', overflowY: 'auto' }}>
          <DecisionPanel decision={live.decision} error={live.error} pending={live.pending} hint={live.hint ?? '请选择业务类别和情形'} />
        </Col>
      </Row>
    </>
  );
}
