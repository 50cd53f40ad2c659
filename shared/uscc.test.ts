import { describe, expect, it } from 'vitest';
import { checkUscc, makeUscc, usccCheckChar } from './uscc';

describe('GB 32100 unified social credit codes', () => {
  it('accepts the documented valid code', () => {
    expect(checkUscc('91110000600037341L')).toEqual({ ok: true });
    expect(usccCheckChar('91110000600037341')).toBe('L');
  });
  it('warns, but does not refuse, a pilot code whose check fails', () => {
    const v = checkUscc('91350100M0001TGQXM');
    expect(v.ok).toBe(false);
    expect(v.ok === false && v.fatal).toBe(false);
  });
  it('refuses bad length and letters outside the alphabet', () => {
    const short = checkUscc('9111000060003734');
    expect(short.ok === false && short.fatal).toBe(true);
    const bad = checkUscc('91110000600037341O');
    expect(bad.ok === false && bad.fatal && bad.reason).toContain('O');
  });
  it('builds valid codes', () => {
    expect(checkUscc(makeUscc('91640100MA7654321'))).toEqual({ ok: true });
  });
});
