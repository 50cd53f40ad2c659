import { Alert, Button, Card, Col, Divider, Form, Row, Spin, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { WithdrawalAppDto } from '../../../../shared/contract/dto';
import { WithdrawalApplicationSchema, type CaseView, type WithdrawalDecision } from '../../../../shared/rules';
import { api, ApiError } from '../../api';
import { caseLayout } from '../../application/caseFields';
import { DecisionPanel } from '../../application/DecisionPanel';
import { FieldGrid } from '../../application/SchemaField';
import { useLiveDecision } from '../../application/useLiveDecision';
import { AppStateTag } from '../../components/ApplicationTags';
import { PageTitle } from '../../components/PageTitle';
import { chinaToday } from '../../format';
import { navigate } from '../../router';
import type { PageProps } from '../../routes';
import { useSession } from '../../session';
import { caseForBusiness } from './caseMatch';
import { factsOf, formNameFor, valuesOf, type IntakeValues, type Name } from './intakeValues';
import { IntakeActions } from './IntakeActions';
import { blocks } from './intakeBlocks';
import { MemberCaseCard } from './MemberCaseCard';
import { MaterialsCard } from './MaterialsCard';
import { PayeeCard } from './PayeeCard';
import { paperSpecs, withPapers } from './recordedPapers';
import { loadPerson, type LoadedPerson } from './people';
import { printWithdrawal, type PrintedForm } from './print';
import { ReasonModal } from './ReasonModal';
import { SpouseCard } from './SpouseCard';
import { useActionKeys } from './useActionKeys';
import { useFormDraft } from '../../drafts/useFormDraft';

const INITIAL: IntakeValues = { facts: { maritalStatus: 'single' }, payee: { kind: 'own', bankName: '', accountNo: '', accountName: '' }, materialsSeen: [] };
const sameName = (a: readonly (string | number)[], b: readonly (string | number)[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Each navigation here (the menu, an appointment, 修改) makes a new route object: one form opening each. */
const openings = new WeakMap<PageProps['route'], number>();
let openingSeq = 0;
function openingOf(route: PageProps['route']): number {
  if (!openings.has(route)) openings.set(route, ++openingSeq);
  return openings.get(route)!;
}

/** 提取受理: a fresh form and fresh idempotency keys per opening, even to the same address. */
export function WithdrawalIntakePage({ route }: PageProps) {
  return <Intake key={openingOf(route)} route={route} />;
}

/**
 * The clerk records the case's facts, the payee and the materials seen; the engine judges while they type (the
 * member's facts are the ledger's). 保存草稿 stores it, 提交复核 sends it on — only complete and eligible, and the
 * service judges it again against the ledger of that moment.
 */
function Intake({ route }: PageProps) {
  const { center } = useSession();
  const [form] = Form.useForm<IntakeValues>();
  const [cases, setCases] = useState<CaseView[] | null>(null);
  const [member, setMember] = useState<LoadedPerson | null>(null);
  const [spouse, setSpouse] = useState<LoadedPerson | null>(null);
  const [app, setApp] = useState<WithdrawalAppDto | null>(null);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<'save' | 'submit' | 'notice' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [printed, setPrinted] = useState<PrintedForm | null>(null);
  const [cancelOpen, setCancelOpen] = useState(false);
  const { keyFor, done } = useActionKeys();
  const serverErrors = useRef<Name[]>([]);
  const appointmentId = Number(route.params.get('appointmentId')) || null;
  const business = route.params.get('business');

  const caseId = Form.useWatch('caseId', form);
  const marital = Form.useWatch(['facts', 'maritalStatus'], form) as string | undefined;
  const seen = Form.useWatch('materialsSeen', form) ?? [];
  const kase = cases?.find((c) => c.id === caseId);
  const layout = useMemo(() => caseLayout(WithdrawalApplicationSchema, 'withdrawal', kase), [kase]);

  // The debounced build reads these when it runs, not as they were when it was scheduled.
  const latest = useRef({ member, spouse, kase });
  latest.current = { member, spouse, kase };

  const showFieldError = useCallback(
    (field: string, message: string, scroll = false): boolean => {
      const path = formNameFor(field, latest.current.spouse !== null);
      const registered = form.getFieldsError().map((f) => f.name);
      // The nearest field on screen: an error inside a list item that is not shown lands on the list.
      for (let n = path.length; n > 0; n--) {
        const name = path.slice(0, n);
        if (registered.some((r) => sameName(r, name))) {
          form.setFields([{ name, errors: [message] }]);
          serverErrors.current.push(name);
          if (scroll) form.scrollToField(name, { block: 'center' });
          return true;
        }
      }
      return false;
    },
    [form],
  );
  const live = useLiveDecision(showFieldError);
  const schedule = live.schedule;
  const decision = live.decision as WithdrawalDecision | null;

  const clearServerErrors = useCallback(() => {
    if (serverErrors.current.length === 0) return;
    form.setFields(serverErrors.current.map((name) => ({ name, errors: [] })));
    serverErrors.current = [];
  }, [form]);

  const evaluate = useCallback(() => {
    clearServerErrors();
    schedule(() => {
      const { member: m, spouse: s, kase: k } = latest.current;
      if (!m) return { hint: '请选择职工' };
      if (!k) return { hint: '请选择提取原因' };
      const { facts, requestedFen, badMoney } = factsOf(form.getFieldsValue(true) as IntakeValues, s !== null);
      if (badMoney.length > 0) return { problem: '有金额填写不正确，请按标红处更正后再审查' };
      // The same composition the service makes: the clerk's facts, the ledger's member (and spouse), today.
      const { memberExtra, spouseExtra, ...caseFacts } = facts;
      const application: Record<string, unknown> = {
        ...caseFacts,
        center: center.id,
        kind: 'withdrawal',
        caseId: k.id,
        applicationDate: chinaToday(),
        member: withPapers(m.facts, memberExtra),
        ...(s ? { spouse: withPapers(s.facts, spouseExtra) } : {}),
        ...(requestedFen !== null ? { requestedFen } : {}),
      };
      return { kind: 'withdrawal', application };
    });
  }, [clearServerErrors, schedule, form, center.id]);
  useEffect(evaluate, [kase, member, spouse]);

  // Materials the engine no longer lists for these facts cannot have been "seen" for this application.
  useEffect(() => {
    if (!decision) return;
    const ids = new Set(decision.materials.map((m) => m.id));
    const current = (form.getFieldValue('materialsSeen') as string[] | undefined) ?? [];
    const kept = current.filter((id) => ids.has(id));
    if (kept.length !== current.length) form.setFieldValue('materialsSeen', kept);
  }, [decision, form]);

  const draft = useFormDraft({
    form: 'withdrawal.intake',
    scope: app ? String(app.id) : '',
    ready: !loading,
    values: () => ({ ...(form.getFieldsValue(true) as IntakeValues), memberId: latest.current.member?.detail.id, spouseMemberId: latest.current.spouse?.detail.id }),
    restore: async (v) => {
      const values = v as IntakeValues;
      form.setFieldsValue(values);
      if (!app && values.memberId) await pickMember(values.memberId);
      if (values.spouseMemberId) await pickSpouse(values.spouseMemberId);
      setDirty(true);
      evaluate();
    },
    title: () => `提取受理 · ${latest.current.member?.detail.name ?? '（未选职工）'}${latest.current.kase ? ` · ${latest.current.kase.name}` : ''}`,
  });

  const report = (e: unknown) => {
    const message = messageOf(e);
    if (e instanceof ApiError && e.field && showFieldError(e.field, message, true)) return;
    setError(message);
  };

  const pickMember = async (id: number | undefined) => {
    setDirty(true);
    if (!id) return setMember(null);
    try {
      const p = await loadPerson(id);
      const payee = (form.getFieldValue('payee') as IntakeValues['payee']) ?? {};
      // 户名 follows the member for the own account unless the clerk typed another.
      if (payee.kind === 'own' && (!payee.accountName || payee.accountName === latest.current.member?.detail.name)) {
        form.setFieldValue(['payee', 'accountName'], p.detail.name);
      }
      form.setFieldValue('memberId', id);
      setMember(p);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const pickSpouse = async (id: number | undefined) => {
    setDirty(true);
    if (!id) return setSpouse(null);
    try {
      setSpouse(await loadPerson(id));
    } catch (e) {
      setError(messageOf(e));
    }
  };

  useEffect(() => {
    let gone = false;
    void (async () => {
      try {
        const all = (await api('rules.cases', {})).withdrawal;
        if (gone) return;
        setCases(all);
        const appId = Number(route.params.get('applicationId'));
        if (appId) {
          const a = await api('withdrawal.get', { applicationId: appId });
          const [m, s] = await Promise.all([loadPerson(a.member.id), a.spouse ? loadPerson(a.spouse.id) : Promise.resolve(null)]);
          if (gone) return;
          form.setFieldsValue(valuesOf(a));
          setMember(m);
          setSpouse(s);
          setApp(a);
          return;
        }
        const wanted = route.params.get('case') ?? caseForBusiness(business, all);
        if (wanted && all.some((c) => c.id === wanted)) form.setFieldValue('caseId', wanted);
        const memberId = Number(route.params.get('memberId'));
        if (memberId) await pickMember(memberId);
      } catch (e) {
        if (!gone) setError(messageOf(e));
      } finally {
        if (!gone) setLoading(false);
      }
    })();
    return () => {
      gone = true;
    };
    // Once per form opening: the page is keyed by its query.
  }, []);

  /** Another case asks other facts: they start blank; the marital status and a typed spouse stay. */
  const changeCase = () => {
    const facts = (form.getFieldValue('facts') as Record<string, unknown> | undefined) ?? {};
    form.setFieldValue('facts', { maritalStatus: facts.maritalStatus ?? 'single', ...(facts.spouse ? { spouse: facts.spouse } : {}) });
  };

  const onValuesChange = (changed: IntakeValues) => {
    setDirty(true);
    draft.touched();
    const status = changed.facts?.maritalStatus;
    if (status !== undefined && status !== 'married') {
      form.setFieldValue('spouseMemberId', undefined);
      setSpouse(null);
    }
    // The payee and the materials ticked are not the engine's input: ticking a box asks it nothing.
    if (Object.keys(changed).some((k) => k !== 'payee' && k !== 'materialsSeen')) evaluate();
  };

  const save = async (): Promise<WithdrawalAppDto | null> => {
    setError(null);
    try {
      await form.validateFields();
    } catch {
      return null;
    }
    clearServerErrors();
    const v = form.getFieldsValue(true) as IntakeValues;
    const { facts, requestedFen } = factsOf(v, spouse !== null);
    const p = v.payee ?? {};
    const body = {
      caseId: v.caseId ?? '',
      spouseMemberId: spouse?.detail.id ?? null,
      facts,
      requestedFen,
      payee: { kind: p.kind ?? 'own', bankName: p.bankName ?? '', accountNo: p.accountNo ?? '', accountName: p.accountName ?? '', ...(p.cardType ? { cardType: p.cardType } : {}) },
      materialsSeen: v.materialsSeen ?? [],
    };
    try {
      const saved = app
        ? await api('withdrawal.update', { applicationId: app.id, version: app.version, ...body, idempotencyKey: keyFor('save') })
        : await api('withdrawal.create', { memberId: member?.detail.id ?? 0, appointmentId, ...body, idempotencyKey: keyFor('save') });
      done('save');
      // The application holds what was typed now: the draft of the form as it was is no longer needed.
      // Reopening this address (a reload) shows this draft; replaceState fires no hashchange, so the form stays. The
      // address first, before any other round trip, so an F5 right after saving cannot land on an empty form.
      window.history.replaceState(null, '', `#/withdrawal/intake?applicationId=${saved.id}`);
      const cleared = draft.clear(); // reads the new form's scope now, before the re-render moves it to the application
      setApp(saved);
      setDirty(false);
      await cleared;
      return saved;
    } catch (e) {
      report(e);
      return null;
    }
  };

  const run = async (what: 'save' | 'submit' | 'notice', action: () => Promise<void>) => {
    setBusy(what);
    try {
      await action();
    } catch (e) {
      report(e);
    } finally {
      setBusy(null);
    }
  };

  const submit = () =>
    run('submit', async () => {
      const current = !app || dirty ? await save() : app;
      if (!current) return;
      const r = await api('withdrawal.submit', { applicationId: current.id, version: current.version, idempotencyKey: keyFor('submit') });
      done('submit');
      navigate(`/withdrawal?id=${r.id}`);
    });

  const printNotice = () =>
    run('notice', async () => {
      const current = app && dirty ? await save() : app;
      if (!current) return;
      setPrinted(await printWithdrawal(current.id, 'notice'));
    });

  const editable = !app || app.state === '草稿' || app.state === '退回';
  const materials = decision?.materials ?? null;
  const missing = (materials ?? []).filter((m) => !seen.includes(m.id));
  const { submitBlocked, noticeBlocked } = blocks({ ready: member !== null && kase !== undefined, decision, liveError: live.error, missing: missing.length, app });
  const married = marital === 'married';

  return (
    <>
      <PageTitle
        title="提取受理"
        sub={
          app ? (
            <span data-testid="intake-saved">
              申请编号 {app.appNo} <AppStateTag state={app.state} /> 第{app.version}版{dirty ? '，有未保存的修改' : '，已保存'}
            </span>
          ) : (
            `${center.name} · 新申请（申请日 ${chinaToday()}）`
          )
        }
        extra={app && <Button onClick={() => navigate(`/withdrawal?id=${app.id}`)}>申请详情</Button>}
      />
      {draft.banner}
      {error && <Alert data-testid="intake-error" type="error" showIcon closable onClose={() => setError(null)} title={error} style={{ marginBottom: 16 }} />}
      {!editable && app && <Alert type="info" showIcon title={`申请当前为“${app.state}”，不能再修改`} style={{ marginBottom: 16 }} />}
      {app?.state === '退回' && app.lastNote && <Alert type="warning" showIcon title={`退回原因：${app.lastNote}`} style={{ marginBottom: 16 }} />}
      {business && !app && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`来自预约：${business}${route.params.get('who') ? `（${route.params.get('who')}）` : ''}`}
          description={!route.params.get('memberId') ? '预约人的证件号码在本中心没有对应账户，请查找职工' : !kase ? '预约的业务类型没有对应的提取原因，请选择' : undefined}
        />
      )}
      <Spin spinning={loading}>
        <Form<IntakeValues> form={form} layout="vertical" initialValues={INITIAL} onValuesChange={onValuesChange} autoComplete="off" disabled={!editable}>
          <Row gutter={[16, 16]} align="top">
            <Col xs={24} xl={14}>
              <MemberCaseCard
                member={member}
                cases={cases}
                kase={kase}
                locked={app !== null}
                onMember={(id) => {
                  draft.touched();
                  void pickMember(id);
                }}
                onCase={changeCase}
              />

              {kase && layout.asksSpouse && (
                <SpouseCard married={married} layout={layout} spouse={spouse} onPick={(id) => {
                    draft.touched();
                    void pickSpouse(id);
                  }} />
              )}

              {kase && (
                <Card title={`${kase.name}：申请事实`} data-testid="case-facts" style={{ marginBottom: 16 }}>
                  <FieldGrid specs={layout.facts} prefix={['facts']} />
                  {layout.other.length > 0 && (
                    <>
                      <Divider titlePlacement="start" plain>
                        申请金额及其他
                      </Divider>
                      <FieldGrid specs={layout.other} prefix={['facts']} />
                    </>
                  )}
                </Card>
              )}

              {/* 004 (乌鲁木齐) reads both; 003's withdrawal rules read this center's loans only, and no 失信 check. */}
              {kase && center.id === 'urumqi' && (
                <Card title="据材料录入：失信惩戒查询、在其他公积金中心的贷款" data-testid="recorded-papers" style={{ marginBottom: 16 }}>
                  <Typography.Paragraph type="secondary">查询人和查询时间由系统按当前柜员记录；本中心的贷款取自账务，此处只录入个人信用报告中其他公积金中心的贷款。</Typography.Paragraph>
                  <FieldGrid specs={paperSpecs('memberExtra')} prefix={['facts']} />
                  {spouse && <FieldGrid specs={paperSpecs('spouseExtra')} prefix={['facts']} />}
                </Card>
              )}

              <PayeeCard requirements={decision?.postConditions ?? []} />
              <MaterialsCard
                materials={materials}
                seen={seen}
                onAll={() => {
                  form.setFieldValue('materialsSeen', (materials ?? []).map((m) => m.id));
                  setDirty(true);
                  draft.touched();
                }}
              />

              <IntakeActions
                editable={editable}
                saved={app !== null}
                busy={busy}
                submitBlocked={submitBlocked}
                noticeBlocked={noticeBlocked}
                printed={printed}
                onSave={() => void run('save', async () => void (await save()))}
                onSubmit={() => void submit()}
                onNotice={() => void printNotice()}
                onCancel={() => setCancelOpen(true)}
              />
            </Col>
            <Col xs={24} xl={10} style={{ position: 'sticky', top: 16, maxHeight: 'calc(100vh - 32px)', overflowY: 'auto' }}>
              <DecisionPanel
                decision={live.decision}
                error={live.error}
                pending={live.pending}
                hint={live.hint ?? '请选择职工和提取原因'}
                materials={
                  materials ? (
                    <Typography.Text data-testid="panel-materials">
                      共{materials.length}项，已收{materials.length - missing.length}项（在左侧“材料清单”中勾选）
                    </Typography.Text>
                  ) : undefined
                }
              />
              {decision && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                  保存和提交时，系统按当时的账户余额和缴存情况重新审查。
                </Typography.Paragraph>
              )}
            </Col>
          </Row>
        </Form>
      </Spin>
      <ReasonModal
        open={cancelOpen}
        title="撤销申请"
        field="reason"
        label="撤销原因"
        okText="撤销申请"
        danger
        onClose={() => setCancelOpen(false)}
        onSubmit={async (reason) => {
          if (!app) return;
          const r = await api('withdrawal.cancel', { applicationId: app.id, reason, idempotencyKey: keyFor('cancel') });
          done('cancel');
          navigate(`/withdrawal?id=${r.id}`);
        }}
      />
    </>
  );
}
