import { Alert, App, Button, Card, Col, Form, Radio, Row, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LoanAppDto, MemberListItem } from '../../../../shared/contract/dto';
import type { CaseView, LoanDecision } from '../../../../shared/rules';
import type { Person } from '../../../../shared/rules/personSchema';
import { api, ApiError, newKey } from '../../api';
import { LedgerFacts } from '../../components/loan/LedgerFacts';
import { LoanDecisionCard } from '../../components/loan/LoanDecisionCard';
import { LoanStateTag } from '../../components/loan/labels';
import { PersonPicker } from '../../components/loan/PersonPicker';
import { PrintButtons } from '../../components/loan/PrintButtons';
import { PageTitle } from '../../components/PageTitle';
import { chinaToday } from '../../format';
import { navigate } from '../../router';
import type { PageProps } from '../../routes';
import { useSession } from '../../session';
import { caseOptions } from '../../application/caseOptions';
import { FieldGrid } from '../../application/SchemaField';
import { useLiveDecision } from '../../application/useLiveDecision';
import { buildIntake, formNameFor, formValuesOf, intakeGaps, intakeLayout, type Name, type Values } from './intakeForm';
import { PayeeFields, TermsFields } from './IntakeFields';
import { useFormDraft } from '../../drafts/useFormDraft';
import { asJudged, BORROWER_MODES, RecordedCertificate, RemoteBorrowerFields, remoteInput, remotePerson, type RemoteValues } from './RemoteBorrowerFields';

interface Picked {
  id: number;
  name: string;
  facts: Person;
}
const sameName = (a: readonly (string | number)[], b: readonly (string | number)[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const EDITABLE = ['草稿', '退回'];


/**
 * 贷款受理: the clerk records borrower, spouse, house, guarantee and terms; the engine judges while the clerk types
 * (quota with every limit, rate, 月还款额, materials). 保存草稿 / 提交复核 go to the services, which re-read the
 * ledger and judge again; the page decides nothing.
 */
export function LoanIntakePage({ route }: PageProps) {
  const { center } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const editId = Number(route.params.get('id')) || null;
  const [cases, setCases] = useState<CaseView[] | null>(null);
  const [caseId, setCaseId] = useState<string>();
  const [borrower, setBorrower] = useState<Picked | null>(null);
  const [spouse, setSpouse] = useState<Picked | null>(null);
  const [dto, setDto] = useState<LoanAppDto | null>(null);
  const [seen, setSeen] = useState<ReadonlySet<string>>(new Set());
  const [createKey] = useState(() => newKey('loan-create'));
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const serverErrors = useRef<Name[]>([]);
  const maritalStatus = Form.useWatch('maritalStatus', form) as string | undefined;
  // 异地缴存职工（本中心无账户）: typed from the papers and saved through loan.createRemote (a new application only).
  const remoteMode = (Form.useWatch('borrowerMode', form) as string | undefined) === 'remote' && !dto;

  const kase = cases?.find((c) => c.id === caseId);
  const layout = useMemo(() => intakeLayout(kase), [kase]);
  // The debounced judge reads these when it runs, not when the keystroke happened.
  const now = useRef({ kase, borrower, spouse, remoteMode });
  now.current = { kase, borrower, spouse, remoteMode };

  useEffect(() => {
    api('rules.cases', {}).then((c) => setCases(c.loan), (e: Error) => setError(e.message));
  }, []);

  const placeError = useCallback(
    (field: string, msg: string, scroll = false): boolean => {
      const { name: named, fallback } = formNameFor(field);
      // loan.createRemote names its own parts: borrower.idNumber, certificate.certificateDate …
      const remoteName = now.current.remoteMode && /^(borrower|certificate)\.[a-zA-Z]+$/.test(field) ? ['remote', ...field.replace(/Fen$/, 'Yuan').split('.')] : null;
      const name = remoteName ?? named;
      const registered = form.getFieldsError().map((f) => f.name);
      const candidates = [...name.map((_, i) => name.slice(0, name.length - i)), fallback].filter((n) => n.length > 0);
      const hit = candidates.find((c) => registered.some((r) => sameName(r, c)));
      if (!hit) return false;
      form.setFields([{ name: hit, errors: [msg] }]);
      serverErrors.current.push(hit);
      if (scroll) form.scrollToField(hit, { block: 'center' });
      return true;
    },
    [form],
  );
  const live = useLiveDecision(placeError);
  const decision = (live.decision as LoanDecision | null) ?? null;

  const build = useCallback(() => {
    const { kase: k, borrower: b, spouse: s, remoteMode: rm } = now.current;
    const values = form.getFieldsValue(true) as Values;
    const remote = rm ? remoteInput(values.remote as RemoteValues) : null;
    return buildIntake(values, {
      centerId: center.id,
      caseId: k?.id ?? '',
      today: chinaToday(),
      borrower: remote ? remotePerson(remote) : b ? asJudged(b.facts) : ({} as Person),
      spouse: s?.facts ?? null,
      materialsSeen: [],
    });
  }, [form, center.id]);

  const remoteReady = useCallback(() => remoteInput(form.getFieldValue('remote') as RemoteValues) !== null, [form]);

  const evaluate = useCallback(() => {
    if (serverErrors.current.length > 0) {
      form.setFields(serverErrors.current.map((name) => ({ name, errors: [] })));
      serverErrors.current = [];
    }
    live.schedule(() => {
      const gaps = intakeGaps(form.getFieldsValue(true) as Values, { kase: !!now.current.kase, borrower: now.current.remoteMode || !!now.current.borrower });
      if (now.current.remoteMode && !remoteReady()) gaps.splice(now.current.kase ? 0 : 1, 0, [['remote'], '请填写借款人身份和缴存证明载明的各项']);
      const gap = gaps[0];
      if (gap) return { hint: gap[1] };
      const built = build();
      if (built.badMoney.length > 0) return { problem: '有金额填写不正确，请按标红处更正后再判定' };
      return { kind: 'loan', application: built.application };
    });
  }, [form, live, build]);
  useEffect(evaluate, [kase, borrower, spouse, remoteMode]);

  const pick = async (m: MemberListItem | undefined, who: 'borrower' | 'spouse') => {
    const set = who === 'borrower' ? setBorrower : setSpouse;
    if (!m) return set(null);
    try {
      set({ id: m.id, name: m.name, facts: await api('rules.memberFacts', { memberId: m.id }) });
      if (who === 'spouse') form.setFieldValue('maritalStatus', 'married');
      if (who === 'borrower' && form.getFieldValue(['payee', 'kind']) === 'own' && !form.getFieldValue(['payee', 'accountName'])) form.setFieldValue(['payee', 'accountName'], m.name);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  // Reopening a 草稿 or a 退回: the stored facts back into the form, the ledger facts fresh from the books.
  useEffect(() => {
    if (!editId) return;
    (async () => {
      const d = await api('loan.get', { applicationId: editId });
      const [bf, sf] = await Promise.all([api('rules.memberFacts', { memberId: d.borrower.id }), d.spouse ? api('rules.memberFacts', { memberId: d.spouse.id }) : null]);
      form.setFieldsValue(formValuesOf(d));
      setDto(d);
      setCaseId(d.caseId);
      setBorrower({ id: d.borrower.id, name: d.borrower.name, facts: bf });
      setSpouse(d.spouse && sf ? { id: d.spouse.id, name: d.spouse.name, facts: sf } : null);
      setSeen(new Set(d.materials.filter((m) => m.seen).map((m) => m.id)));
    })().catch((e: Error) => setError(e.message));
  }, [editId, form]);

  // What was typed, kept as a draft per operator (and per application once saved): F5, Back, the menu lose nothing.
  const draft = useFormDraft({
    form: 'loan.intake',
    scope: dto ? String(dto.id) : '',
    ready: cases !== null && (!editId || dto !== null),
    values: () => ({
      ...(form.getFieldsValue(true) as Values),
      caseId: now.current.kase?.id,
      borrower: now.current.borrower ? { id: now.current.borrower.id, name: now.current.borrower.name } : undefined,
      spouse: now.current.spouse ? { id: now.current.spouse.id, name: now.current.spouse.name } : undefined,
      seen: [...seenNow.current],
    }),
    restore: async (v) => {
      const { borrower: b, spouse: sp, seen: seenIds, ...values } = v as Values & { borrower?: MemberListItem; spouse?: MemberListItem; seen?: string[] };
      form.setFieldsValue(values);
      if (typeof values.caseId === 'string') setCaseId(values.caseId);
      if (b && !dto) await pick(b, 'borrower');
      if (sp) await pick(sp, 'spouse');
      if (seenIds) setSeen(new Set(seenIds));
      evaluate();
    },
    title: () => `贷款受理 · ${now.current.borrower?.name ?? '（未选借款人）'}${now.current.kase ? ` · ${now.current.kase.name}` : ''}`,
  });
  const seenNow = useRef(seen);
  seenNow.current = seen;

  const showError = (e: unknown) => {
    const msg = e instanceof Error ? e.message : String(e);
    const field = e instanceof ApiError ? e.field : undefined;
    setError(field && placeError(field, msg, true) ? null : msg);
  };

  const save = async (): Promise<LoanAppDto | null> => {
    setError(null);
    try {
      await form.validateFields();
    } catch {
      return null;
    }
    const missing = intakeGaps(form.getFieldsValue(true) as Values, { kase: !!kase, borrower: remoteMode || !!borrower });
    if (missing.length > 0) {
      form.setFields(missing.map(([name, m]) => ({ name, errors: [m] })));
      form.scrollToField(missing[0]![0], { block: 'center' });
      return null;
    }
    const built = build();
    if (built.badMoney.length > 0) return null;
    // Only materials of the case as judged now: a ticked item of another house type is not on this list.
    const known = decision ? new Set(decision.materials.map((m) => m.id)) : null;
    const materialsSeen = [...seen].filter((id) => !known || known.has(id));
    try {
      const remote = remoteMode ? remoteInput(form.getFieldValue('remote') as RemoteValues) : null;
      if (remoteMode && !remote) return null;
      const saved = dto
        ? await api('loan.update', { applicationId: dto.id, version: dto.version, ...built.intake, materialsSeen, idempotencyKey: newKey('loan-update') })
        : remote
          ? await api('loan.createRemote', { ...remote, ...built.intake, materialsSeen, idempotencyKey: createKey })
          : await api('loan.create', { memberId: borrower!.id, ...built.intake, materialsSeen, idempotencyKey: createKey });
      // The remote borrower now has a (sealed, zero-balance) account here: the page goes on as with any borrower.
      if (remote) {
        form.setFieldValue('memberId', saved.borrower.id);
        setBorrower({ id: saved.borrower.id, name: saved.borrower.name, facts: await api('rules.memberFacts', { memberId: saved.borrower.id }) });
      }
      // Reloading the window reopens this application instead of an empty form — the address first, before any
      // other round trip, so an F5 right after saving cannot land on an empty form.
      history.replaceState(null, '', `#/loan/new?id=${saved.id}`);
      const cleared = draft.clear(); // reads the new form's scope now, before the re-render moves it to the application
      setDto(saved);
      await cleared;
      return saved;
    } catch (e) {
      showError(e);
      return null;
    }
  };

  const saveDraft = async () => {
    setBusy('save');
    const saved = await save();
    setBusy(null);
    if (saved) message.success(`已保存草稿 ${saved.appNo}`);
  };

  const submit = async () => {
    setBusy('submit');
    try {
      const saved = await save();
      if (!saved) return;
      const s = await api('loan.submit', { applicationId: saved.id, version: saved.version, idempotencyKey: newKey('loan-submit') });
      message.success(`${s.appNo} 已提交复核`);
      navigate(`/loan?id=${s.id}`);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const editable = !dto || EDITABLE.includes(dto.state);
  const materials = decision?.materials ?? dto?.decision?.materials ?? [];
  const married = maritalStatus === 'married';
  return (
    <>
      <PageTitle
        title="贷款受理"
        sub={dto ? <Space>{dto.appNo}<LoanStateTag state={dto.state} /></Space> : `${center.name} · 额度、利率与月还款额按申请日有效政策即时判定`}
        extra={
          <Space>
            {dto && <Button onClick={() => navigate(`/loan?id=${dto.id}`)}>查看申请</Button>}
            <Button onClick={() => navigate('/loans/counter')}>我的贷款申请</Button>
          </Space>
        }
      />
      {dto && !editable && <Alert type="info" showIcon title={`此申请处于“${dto.state}”状态，不能修改`} style={{ marginBottom: 16 }} />}
      {dto?.state === '退回' && dto.lastNote && <Alert type="warning" showIcon title={`退回原因：${dto.lastNote}`} style={{ marginBottom: 16 }} />}
      {draft.banner}
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} xl={14}>
          <Form<Values>
            form={form}
            layout="vertical"
            autoComplete="off"
            disabled={!editable}
            onValuesChange={() => {
              draft.touched();
              evaluate();
            }}
            initialValues={{ method: 'annuity', payee: { kind: 'developer' }, borrowerMode: 'local', remote: { certificate: { place: 'province' } } }}
          >
            <Card title="购房类型" style={{ marginBottom: 16 }}>
              <Form.Item label="购房类型" name="caseId" htmlFor="loan-case" required extra={kase ? `依据：${kase.source.clause}` : undefined}>
                <Select id="loan-case" data-testid="loan-case" placeholder="请选择" loading={!cases} onChange={(id: string) => setCaseId(id)} options={caseOptions(cases ?? [])} />
              </Form.Item>
            </Card>

            <Card title="借款人" data-testid="intake-borrower" style={{ marginBottom: 16 }}>
              {!dto && (
                <Form.Item label="借款人类型" name="borrowerMode" extra={remoteMode ? '在其他公积金中心缴存、在本中心没有账户的职工：按缴存地中心出具的缴存证明录入；受理时为其建立封存的代管账户' : undefined}>
                  <Radio.Group optionType="button" options={BORROWER_MODES} data-testid="borrower-mode" />
                </Form.Item>
              )}
              {remoteMode ? (
                <RemoteBorrowerFields />
              ) : (
                <Form.Item label="借款人" name="memberId" htmlFor="pick-borrower" required extra="从账务带出余额、连续缴存月数等，不需填写">
                  <PersonPicker id="pick-borrower" testId="pick-borrower" name={borrower?.name} locked={!!dto} onPick={(m) => {
                    draft.touched();
                    void pick(m, 'borrower');
                  }} />
                </Form.Item>
              )}
              {borrower && !remoteMode && <LedgerFacts person={borrower.facts} testId="borrower-ledger" />}
              {borrower && !remoteMode && borrower.facts.remoteContribution?.recordedAt && <RecordedCertificate rc={borrower.facts.remoteContribution} />}
              {/* A remote borrower's certificate is typed above (and recorded by the service), not as a document fact. */}
              <FieldGrid specs={remoteMode || borrower?.facts.remoteContribution ? layout.borrowerExtra.filter((f) => f.path[1] !== 'remoteContribution') : layout.borrowerExtra} />
            </Card>

            <Card title="婚姻与配偶" data-testid="intake-spouse" style={{ marginBottom: 16 }}>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <FieldGrid specs={[layout.marital]} />
                </Col>
              </Row>
              {married && (
                <>
                  <Form.Item label="配偶（本中心缴存职工，可不选）" name="spouseMemberId" htmlFor="pick-spouse">
                    <PersonPicker id="pick-spouse" testId="pick-spouse" name={spouse?.name} onPick={(m) => {
                      draft.touched();
                      void pick(m, 'spouse');
                    }} />
                  </Form.Item>
                  {spouse && (
                    <>
                      <LedgerFacts person={spouse.facts} testId="spouse-ledger" />
                      {layout.coApplicant && <FieldGrid specs={[{ ...layout.coApplicant, label: '配偶为共同申请人' }]} />}
                      <FieldGrid specs={layout.spouseExtra} />
                    </>
                  )}
                </>
              )}
              {maritalStatus === 'divorced' && layout.divorce && <FieldGrid specs={[layout.divorce]} />}
            </Card>

            {kase && (
              <Card title={`${kase.name}：房屋、首付款与收入`} data-testid="intake-facts" style={{ marginBottom: 16 }}>
                <FieldGrid specs={layout.facts} />
              </Card>
            )}

            <Card title="贷款申请" data-testid="intake-terms" style={{ marginBottom: 16 }}>
              <TermsFields />
            </Card>

            <Card title="放款账户" data-testid="intake-payee" style={{ marginBottom: 16 }}>
              <PayeeFields />
            </Card>
          </Form>
          <Card data-testid="intake-actions">
            {error && <Alert data-testid="intake-error" type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
            <Space wrap align="start">
              <Button onClick={() => void saveDraft()} loading={busy === 'save'} disabled={!editable || busy !== null} data-testid="save-draft">
                保存草稿
              </Button>
              <Button type="primary" onClick={() => void submit()} loading={busy === 'submit'} disabled={!editable || busy !== null} data-testid="submit-review">
                提交复核
              </Button>
              {/* The notice is for a draft or a 退回 still with the clerk; past that the state no longer allows it. */}
              {editable && <PrintButtons applicationId={dto?.id ?? 0} forms={['notice']} beforePrint={async () => (await save())?.id ?? null} />}
            </Space>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              材料未收齐的，打印一次性告知书交申请人；提交复核须收齐全部材料。
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} xl={10} style={{ position: 'sticky', top: 16, maxHeight: 'calc(100vh - 32px)', overflowY: 'auto' }}>
          <LoanDecisionCard
            decision={decision}
            error={live.error}
            pending={live.pending}
            hint={live.hint ?? '请选择购房类型和借款人'}
            materials={{
              items: materials,
              seen,
              ...(editable ? { onToggle: (id: string, on: boolean) => { draft.touched(); setSeen((s) => { const n = new Set(s); if (on) n.add(id); else n.delete(id); return n; }); } } : {}),
            }}
          />
        </Col>
      </Row>
    </>
  );
}
