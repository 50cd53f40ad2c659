import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig, validateConfig, writeConfig } from './terminalConfig';

const FP = 'ab'.repeat(32);
const FP_COLONS = 'AB:'.repeat(31) + 'AB';
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => (dir = mkdtempSync(join(tmpdir(), 'gjj-terminal-config-')));

describe('terminal.json', () => {
  it('a fresh machine is 单机 with nothing written; once written the terminal id is kept', () => {
    fresh();
    const first = readConfig(dir);
    expect(first.exists).toBe(false);
    expect(first.config.mode).toBe('standalone');
    expect(first.config.terminalId).toMatch(/^T-[0-9a-f-]{36}$/);
    expect(readConfig(dir).exists).toBe(false);
    writeConfig(dir, first.config);
    const again = readConfig(dir);
    expect(again.exists).toBe(true);
    expect(again.config).toEqual(first.config);
    expect(statSync(join(dir, 'terminal.json')).mode & 0o777).toBe(0o600);
  });

  it('writes and reads back a 柜台终端 pairing, normalised', () => {
    fresh();
    const id = 'T-0123456789';
    const checked = validateConfig({ mode: 'terminal', hostUrl: '192.168.1.10:8443', fingerprint: FP, terminalId: 'chosen-by-page' }, id);
    expect(checked).toEqual({ ok: true, config: { mode: 'terminal', hostUrl: 'https://192.168.1.10:8443', fingerprint: FP_COLONS, terminalId: id } });
    if (checked.ok) writeConfig(dir, checked.config);
    expect(readConfig(dir)).toEqual({ config: checked.ok && checked.config, exists: true });
  });

  it('refuses a bad mode, an http address and a short fingerprint, naming the field', () => {
    expect(validateConfig({ mode: 'cloud' }, 'T-1')).toMatchObject({ ok: false, field: 'mode' });
    expect(validateConfig({ mode: 'terminal', hostUrl: 'http://10.0.0.2:8443', fingerprint: FP }, 'T-1')).toMatchObject({ ok: false, field: 'hostUrl' });
    expect(validateConfig({ mode: 'terminal', hostUrl: 'https://10.0.0.2:8443', fingerprint: 'AB:CD' }, 'T-1')).toMatchObject({ ok: false, field: 'fingerprint' });
    expect(validateConfig({ mode: 'host', hostUrl: 'junk' }, 'T-1')).toEqual({ ok: true, config: { mode: 'host', listen: '0.0.0.0:8443', names: [], terminalId: 'T-1' } });
  });

  it('网点主机 listens on 0.0.0.0:8443 unless told otherwise; a bad address or name is refused, naming the field', () => {
    expect(validateConfig({ mode: 'host' }, 'T-1234567890')).toEqual({ ok: true, config: { mode: 'host', listen: '0.0.0.0:8443', names: [], terminalId: 'T-1234567890' } });
    expect(validateConfig({ mode: 'host', listen: '192.168.1.20:9443', names: ['host-pc'] }, 'T-1234567890')).toMatchObject({ ok: true, config: { listen: '192.168.1.20:9443', names: ['host-pc'] } });
    expect(validateConfig({ mode: 'host', listen: '8443' }, 'T-1234567890')).toMatchObject({ ok: false, field: 'listen' });
    expect(validateConfig({ mode: 'host', listen: 'host:70000' }, 'T-1234567890')).toMatchObject({ ok: false, field: 'listen' });
    expect(validateConfig({ mode: 'host', names: ['bad name'] }, 'T-1234567890')).toMatchObject({ ok: false, field: 'names' });
  });

  it('a damaged file is reported and never quietly becomes 单机 (an empty local ledger at a counter)', () => {
    fresh();
    writeFileSync(join(dir, 'terminal.json'), '{ not json');
    const r = readConfig(dir);
    expect(r.error).toContain('已损坏');
    expect(r.config.mode).toBe('terminal');
    writeFileSync(join(dir, 'terminal.json'), JSON.stringify({ mode: 'terminal', hostUrl: 'http://x:1', fingerprint: FP, terminalId: 'T-keepthisid' }));
    const bad = readConfig(dir);
    expect(bad.error).toContain('https://');
    expect(bad.config).toEqual({ mode: 'terminal', terminalId: 'T-keepthisid' });
    expect(JSON.parse(readFileSync(join(dir, 'terminal.json'), 'utf8')).hostUrl).toBe('http://x:1'); // left for the admin to see
  });
});
