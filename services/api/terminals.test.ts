/**
 * Sessions per person and per terminal (branch host, issue 10): the transport's terminal id, address and user agent
 * are recorded in the session; a token is refused from another terminal; an administrator lists sessions and ends
 * one at once; a posting records its operator's terminal and the 日结 groups by terminal beside by operator.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import type { ClientInfo } from '../auth/sessions';
import { harness, newEmployer, newMember, PASSWORD, type Harness } from '../testing/harness';
import { dispatch } from './dispatch';
import { pdfText } from '../testing/pdf';

let h: Harness;
beforeEach(() => (h = harness()));
afterEach(() => h.close());

const T1: ClientInfo = { terminal: 'counter-01', address: '192.168.1.21', userAgent: 'Chromium test' };
const T2: ClientInfo = { terminal: 'counter-02', address: '192.168.1.22', userAgent: 'Chromium test' };

function as<N extends CallName>(name: N, input: CallInput<N>, token: string | null, client?: ClientInfo) {
  return dispatch(h.app, { call: name, input, token, client });
}
function ok<N extends CallName>(name: N, input: CallInput<N>, token: string | null, client?: ClientInfo): CallOutput<N> {
  const r = as(name, input, token, client);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.data as CallOutput<N>;
}
const login = (who: string, client?: ClientInfo) => ok('session.login', { login: who, password: PASSWORD }, null, client).token;

describe('sessions per terminal', () => {
  it('records terminal, address and user agent and refuses the token from another terminal', () => {
    const token = login('clerk', T1);
    expect(ok('session.me', {}, token, T1).login).toBe('clerk');
    const other = as('session.me', {}, token, T2);
    expect(other.ok || other.error.code).toBe('NO_SESSION');
    // The refused attempt does not end the real terminal's session… but a bare token (no terminal) is refused too.
    expect(as('session.me', {}, token, {}).ok).toBe(false);
    const list = ok('sessions.list', {}, h.tokens.admin!);
    const mine = list.find((s) => s.terminal === 'counter-01')!;
    expect(mine).toMatchObject({ login: 'clerk', name: '王经办', role: 'clerk', roleLabel: expect.any(String), address: '192.168.1.21', userAgent: 'Chromium test', current: false });
    expect(list.find((s) => s.login === 'admin')!.current).toBe(true);
    expect(as('sessions.list', {}, token, T1).ok || 'refused').toBe('refused'); // a clerk may not list sessions
  });

  it('an administrator ends one session at once, audited; the other terminal keeps working', () => {
    const t1 = login('clerk', T1);
    const t2 = login('clerk', T2);
    const s1 = ok('sessions.list', {}, h.tokens.admin!).find((s) => s.terminal === 'counter-01')!;
    expect(ok('sessions.end', { sessionId: s1.id, idempotencyKey: h.key() }, h.tokens.admin!)).toEqual({ ended: true });
    const after = as('session.me', {}, t1, T1);
    expect(after.ok || after.error.code).toBe('NO_SESSION');
    expect(ok('session.me', {}, t2, T2).login).toBe('clerk');
    expect(ok('sessions.list', {}, h.tokens.admin!).map((s) => s.terminal)).not.toContain('counter-01');
    const audit = h.app.db.prepare("SELECT detail FROM audit_log WHERE action = 'session.end'").all() as Array<{ detail: string }>;
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ terminal: 'counter-01' });
    const gone = as('sessions.end', { sessionId: s1.id, idempotencyKey: h.key() }, h.tokens.admin!);
    expect(gone.ok || gone.error.code).toBe('NOT_FOUND');
  });

  it('host.info says 单机 outside gjj serve', () => {
    expect(ok('host.info', {}, h.tokens.admin!)).toMatchObject({ mode: '单机', fingerprint: null, listen: null });
  });
});

describe('journal entries record the terminal', () => {
  it('a posting from a terminal carries its id; the 日结 groups by terminal and still by operator', () => {
    const employer = newEmployer(h);
    newMember(h, employer.id);
    const month = h.call('employers.get', { employerId: employer.id }).nextMonth!;
    const t1 = login('clerk', T1);
    ok('remit.post', { employerId: employer.id, month, idempotencyKey: 'k-terminal-1' }, t1, T1);
    const rows = h.app.db.prepare('SELECT business_type, terminal FROM journal_entries ORDER BY id').all() as Array<{ business_type: string; terminal: string | null }>;
    expect(rows.at(-1)).toEqual({ business_type: expect.any(String), terminal: 'counter-01' });
    const day = h.call('ledger.daily', { date: '2026-06-15' });
    expect(day.byTerminal).toEqual([{ terminal: 'counter-01', entries: 1, amountFen: day.totalDebitFen }]);
    expect(day.byOperator.map((o) => o.operator)).toEqual(['王经办']);
  });

  it('the printed 日结单 has the 按终端 table', { timeout: 30_000 }, async () => {
    const employer = newEmployer(h);
    newMember(h, employer.id);
    const month = h.call('employers.get', { employerId: employer.id }).nextMonth!;
    const t1 = login('clerk', T1);
    ok('remit.post', { employerId: employer.id, month, idempotencyKey: 'k-terminal-2' }, t1, T1);
    const pdf = join(h.dir, 'daily.pdf');
    writeFileSync(pdf, Buffer.from((await h.callAsync('print.daily', { date: '2026-06-15' })).pdfBase64, 'base64'));
    const text = await pdfText(pdf);
    expect(text).toContain('按终端');
    expect(text).toMatch(/counter-01\s+1\s/);
  });

  it('entries booked without a terminal group as 本机/系统', () => {
    const employer = newEmployer(h);
    newMember(h, employer.id);
    const month = h.call('employers.get', { employerId: employer.id }).nextMonth!;
    h.call('remit.post', { employerId: employer.id, month, idempotencyKey: h.key() });
    expect(h.call('ledger.daily', { date: '2026-06-15' }).byTerminal.map((t) => t.terminal)).toEqual(['本机/系统']);
  });
});
