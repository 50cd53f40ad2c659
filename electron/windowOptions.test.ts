import { join, sep } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isTrustedSender, mainWindowOptions, pdfWindowOptions, resolveAppFile, windowOpenDecision } from './windowOptions';

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
