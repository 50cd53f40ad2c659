import { describe, expect, it } from 'vitest';
import type { CallResult } from '../shared/errors';
import { decideConfigChange, type ChangeDeps } from './configChange';

const FP = 'AB:'.repeat(31) + 'AB';
const PAIR = { mode: 'terminal', hostUrl: 'https://10.0.0.2:8443', fingerprint: FP };
const NO: CallResult<unknown> = { ok: false, error: { code: 'NO_SESSION', message: '请重新登录' } };

function deps(over: Partial<ChangeDeps> & { mode?: 'standalone' | 'terminal'; exists?: boolean; error?: string } = {}): ChangeDeps & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    current: { config: { mode: over.mode ?? 'standalone', terminalId: 'T-local-0001' }, exists: over.exists ?? true, ...(over.error ? { error: over.error } : {}) },
    me: over.me ?? (async (t) => (asked.push(`me:${t}`), t === 'admin-token' ? { ok: true, data: { role: 'admin' } } : t === 'clerk-token' ? { ok: true, data: { role: 'clerk' } } : NO)),
    localInitialised: over.localInitialised ?? (async () => true),
    loginOnTarget:
      over.loginOnTarget ??
      (async (target, login, password) => (asked.push(`login:${target.hostUrl}:${login}`), password === 'right' ? { ok: true, data: { token: 't', operator: { role: login === 'boss' ? 'admin' : 'clerk' } } } : NO)),
  };
}

describe('who may change 连接方式', () => {
  it('a fresh machine (no terminal.json) or a damaged one may be set by whoever sits at it', async () => {
    expect(await decideConfigChange({ config: PAIR }, deps({ exists: false }))).toMatchObject({ ok: true, data: { mode: 'terminal', terminalId: 'T-local-0001' } });
    expect(await decideConfigChange({ config: PAIR }, deps({ error: '已损坏' }))).toMatchObject({ ok: true });
  });
  it('a 单机 whose ledger has no administrator yet may be switched; one that has needs an administrator', async () => {
    expect(await decideConfigChange({ config: PAIR }, deps({ localInitialised: async () => false }))).toMatchObject({ ok: true });
    const refused = await decideConfigChange({ config: PAIR, token: 'clerk-token' }, deps());
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(!refused.ok && refused.error.message).toContain('只有管理员可以更改连接方式');
    expect(await decideConfigChange({ config: PAIR, token: 'admin-token' }, deps())).toMatchObject({ ok: true });
    expect(await decideConfigChange({ config: { mode: 'standalone' } }, deps())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
  it('re-pairing a terminal whose host refuses: an administrator of the target host, through the new pin', async () => {
    const d = deps({ mode: 'terminal', me: async () => ({ ok: false, error: { code: 'HOST_CERT_CHANGED', message: '…' } }) });
    expect(await decideConfigChange({ config: PAIR, token: 'x', adminLogin: 'boss', adminPassword: 'wrong' }, d)).toMatchObject({ ok: false, error: { field: 'adminPassword' } });
    expect(await decideConfigChange({ config: PAIR, adminLogin: 'clerk', adminPassword: 'right' }, d)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'adminLogin' } });
    expect(await decideConfigChange({ config: PAIR, adminLogin: 'boss', adminPassword: 'right' }, d)).toMatchObject({ ok: true, data: { fingerprint: FP } });
    expect(d.asked).toContain('login:https://10.0.0.2:8443:boss');
  });
  it('bad input is refused before anyone is asked', async () => {
    const d = deps({ exists: false });
    expect(await decideConfigChange({ config: { ...PAIR, hostUrl: 'http://10.0.0.2:8443' } }, d)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'hostUrl' } });
    expect(d.asked).toEqual([]);
  });
});
