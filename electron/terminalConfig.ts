/**
 * How this installation connects (连接方式), kept in `terminal.json` in Electron's userData folder:
 * - standalone (单机): the local backend holds the ledger — the default when the file is missing (a fresh machine).
 * - host (网点主机): the local backend holds the branch ledger and also serves the LAN (the server is the host side's).
 * - terminal (柜台终端): no local ledger; every call goes to `hostUrl`, pinned to `fingerprint`.
 * `terminalId` is a random id made once, sent as X-GJJ-Terminal so the host tells the counters apart.
 * Pure Node (no electron import): the main process passes the folder in.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeFingerprint, parseHostUrl } from './hostClient';

export type ConnectionMode = 'standalone' | 'host' | 'terminal';
export const MODE_LABELS: Record<ConnectionMode, string> = { standalone: '单机', host: '网点主机', terminal: '柜台终端' };

export interface TerminalConfig {
  mode: ConnectionMode;
  /** 柜台终端 only: https://host:port of the 网点主机. */
  hostUrl?: string;
  /** 柜台终端 only: SHA-256 fingerprint (AB:CD:…) confirmed at pairing. */
  fingerprint?: string;
  /** 网点主机 only: where the LAN server listens (default 0.0.0.0:8443) and the names terminals use for it. */
  listen?: string;
  names?: string[];
  terminalId: string;
}

export const DEFAULT_HOST_LISTEN = '0.0.0.0:8443';
const LISTEN = /^(\[[0-9a-fA-F:]+\]|[^:\s]+):(\d{1,5})$/;
const NAME = /^[A-Za-z0-9.-]{1,63}$/;

export const CONFIG_FILE = 'terminal.json';

export type ConfigCheck = { ok: true; config: TerminalConfig } | { ok: false; field: string; message: string };

/** Validates what the settings page (or the file) says; the terminal id is kept from `current`, never chosen. */
export function validateConfig(input: unknown, terminalId: string): ConfigCheck {
  const v = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const mode = v.mode;
  if (mode !== 'standalone' && mode !== 'host' && mode !== 'terminal') {
    return { ok: false, field: 'mode', message: '连接方式只能是 单机、网点主机 或 柜台终端' };
  }
  if (mode === 'host') {
    const listen = typeof v.listen === 'string' && v.listen.trim() ? v.listen.trim() : DEFAULT_HOST_LISTEN;
    const m = LISTEN.exec(listen);
    if (!m || Number(m[2]) > 65535 || Number(m[2]) < 1) return { ok: false, field: 'listen', message: `监听地址应为 地址:端口，例如 ${DEFAULT_HOST_LISTEN}` };
    const names = Array.isArray(v.names) ? v.names.map(String) : [];
    const bad = names.find((n) => !NAME.test(n));
    if (bad !== undefined) return { ok: false, field: 'names', message: `计算机名只能含字母、数字、点和连字符：${bad}` };
    return { ok: true, config: { mode, listen, names, terminalId } };
  }
  if (mode !== 'terminal') return { ok: true, config: { mode, terminalId } };
  const url = parseHostUrl(typeof v.hostUrl === 'string' ? v.hostUrl : '');
  if (!url.ok) return { ok: false, field: 'hostUrl', message: url.message };
  const fp = normalizeFingerprint(typeof v.fingerprint === 'string' ? v.fingerprint : '');
  if (!fp) return { ok: false, field: 'fingerprint', message: '证书指纹格式不正确：应为 64 位十六进制（可带冒号），请与网点主机屏幕上显示的核对' };
  return { ok: true, config: { mode, hostUrl: url.origin, fingerprint: fp, terminalId } };
}

const newTerminalId = () => `T-${randomUUID()}`;

/**
 * The configuration in force. A missing file is 单机 (nothing chosen yet); a damaged or invalid
 * file is NOT silently turned into 单机 for a 柜台终端 — that would open an empty local ledger at a counter — so
 * `error` says what is wrong and the mode stays as written where it can be read.
 */
export function readConfig(dir: string): { config: TerminalConfig; exists: boolean; error?: string } {
  const file = join(dir, CONFIG_FILE);
  // Not written until an administrator chooses: a fresh machine stays 单机 and its first-run pages stay open.
  if (!existsSync(file)) return { config: { mode: 'standalone', terminalId: newTerminalId() }, exists: false };
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return { config: { mode: 'terminal', terminalId: newTerminalId() }, exists: true, error: `连接设置文件 ${file} 已损坏，请管理员重新设置连接方式` };
  }
  const terminalId = typeof raw.terminalId === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(raw.terminalId) ? raw.terminalId : newTerminalId();
  const checked = validateConfig(raw, terminalId);
  if (!checked.ok) {
    const mode = raw.mode === 'standalone' || raw.mode === 'host' ? raw.mode : 'terminal';
    return { config: { mode, terminalId }, exists: true, error: `连接设置文件 ${file} 不正确：${checked.message}` };
  }
  return { config: checked.config, exists: true };
}

/** Written whole (temp file, then rename), owner-only. */
export function writeConfig(dir: string, config: TerminalConfig): void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, CONFIG_FILE);
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}
