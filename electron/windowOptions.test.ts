import { join, sep } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guardPdfWindow, isAllowedExternal, isAllowedNavigation, isTrustedSender, mainWindowOptions, pdfWindowOptions, resolveAppFile, windowOpenDecision } from './windowOptions';
import { FUSES } from './fuses.config';

describe('Electron window hardening', () => {
  const prefs = mainWindowOptions('/x/preload.js').webPreferences!;
  it('isolates and sandboxes the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.preload).toBe('/x/preload.js');
  });
  it('allows navigation only inside app://gjj', () => {
    expect(isAllowedNavigation('app://gjj/index.html')).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('app://other/index.html')).toBe(false);
    expect(isAllowedNavigation('not a url')).toBe(false);
  });
  it('opens only our own PDFs in a sandboxed child window, https links outside, nothing else', () => {
    expect(windowOpenDecision('blob:app://gjj/2f0c-uuid')).toBe('pdf-window');
    expect(windowOpenDecision('https://www.xinjianggjj.com')).toBe('external');
    expect(windowOpenDecision('blob:https://evil.example/x')).toBe('deny');
    expect(windowOpenDecision('file:///etc/passwd')).toBe('deny');
    const p = pdfWindowOptions().webPreferences!;
    expect(p.sandbox).toBe(true);
    expect(p.nodeIntegration).toBe(false);
    expect(p.preload).toBeUndefined();
  });
  it('answers IPC only from our own frame', () => {
    expect(isTrustedSender('app://gjj/index.html#/members')).toBe(true);
    expect(isTrustedSender('https://evil.example/')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
  it('serves app:// files only from the renderer folder', () => {
    expect(resolveAppFile('/r', 'app://gjj/assets/a.js', join, sep)).toBe(join('/r', 'assets/a.js'));
    expect(resolveAppFile('/r', 'app://gjj/', join, sep)).toBe(join('/r', 'index.html'));
    expect(resolveAppFile('/r', 'app://gjj/%2e%2e/%2e%2e/etc/passwd', join, sep)).toBe(join('/r', 'etc/passwd'));
    expect(resolveAppFile('/r', 'app://gjj/..%2f..%2fetc%2fpasswd', join, sep)).toBeNull();
    expect(resolveAppFile('/r', 'app://evil/x', join, sep)).toBeNull();
  });
  it('ships a strict Content-Security-Policy in the page', () => {
    const html = readFileSync(join(__dirname, '../renderer/index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toContain("object-src 'none'");
  });
  it('keeps electron imports in the thin shell only', () => {
    for (const f of ['backend.ts', 'windowOptions.ts']) {
      // Type-only imports are erased at build; a runtime import would try to download Electron under Node.
      expect(readFileSync(join(__dirname, f), 'utf8')).not.toMatch(/^import (?!type )[^;]*from ['"]electron['"]/m);
    }
  });
});

describe('Electron production hardening', () => {
  it('turns devTools off in packaged builds (main and PDF windows), on in development', () => {
    expect(mainWindowOptions('/p.js', true).webPreferences!.devTools).toBe(false);
    expect(pdfWindowOptions(true).webPreferences!.devTools).toBe(false);
    expect(mainWindowOptions('/p.js', false).webPreferences!.devTools).toBe(true);
  });
  it('opens only https links to the listed hosts in the system browser', () => {
    expect(isAllowedExternal('https://gjj.yinchuan.gov.cn/')).toBe(true);
    expect(isAllowedExternal('https://www.xinjianggjj.com/zxdt/index.html')).toBe(true);
    expect(isAllowedExternal('http://gjj.yinchuan.gov.cn/')).toBe(false);
    expect(isAllowedExternal('https://evil.example/')).toBe(false);
    expect(isAllowedExternal('https://gjj.yinchuan.gov.cn.evil.example/')).toBe(false);
    expect(isAllowedExternal('https://user:pw@gjj.yinchuan.gov.cn/')).toBe(false);
    expect(isAllowedExternal('https://gjj.yinchuan.gov.cn:8443/')).toBe(false);
    expect(isAllowedExternal('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternal('javascript:alert(1)')).toBe(false);
    expect(windowOpenDecision('https://evil.example/')).toBe('deny');
    expect(windowOpenDecision('https://www.xinjianggjj.com')).toBe('external');
  });
  it('guards the PDF window: navigation away from its PDF prevented, window.open denied', () => {
    const listeners: Record<string, (e: { preventDefault(): void }, url: string) => void> = {};
    let openHandler: ((d: { url: string }) => { action: string }) | null = null;
    guardPdfWindow({ on: (ev, fn) => (listeners[ev] = fn), setWindowOpenHandler: (fn) => (openHandler = fn) }, 'blob:app://gjj/abc');
    const attempt = (ev: string, url: string) => {
      let prevented = false;
      listeners[ev]!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(attempt('will-redirect', 'https://evil.example/')).toBe(true);
    expect(attempt('will-navigate', 'blob:app://gjj/abc')).toBe(false);
    expect(openHandler!({ url: 'https://gjj.yinchuan.gov.cn/' })).toEqual({ action: 'deny' });
  });
  it('main.ts wires the guards, the allowlist and app.isPackaged', () => {
    const main = readFileSync(join(__dirname, 'main.ts'), 'utf8');
    expect(main).toMatch(/mainWindowOptions\(.*, app\.isPackaged\)\)/);
    expect(main).toMatch(/guardPdfWindow\(child\.webContents/);
    expect(main).toMatch(/isAllowedExternal\(url\)\) void shell\.openExternal/);
    expect(main.match(/shell\.openExternal/g)).toHaveLength(1);
  });
  it('fuses configuration: RunAsNode, NODE_OPTIONS and inspect off; cookie encryption, ASAR integrity and ASAR-only on', () => {
    expect(FUSES).toMatchObject({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableCookieEncryption: true,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
    });
  });
});
