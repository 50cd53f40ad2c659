/**
 * The main window's options and the navigation policy, kept free of runtime Electron imports so a unit test can
 * assert them under plain Node. Hardening from day one: context isolation, sandbox, no Node in the renderer,
 * no webview, no remote content; the app is served from our own `app://gjj/` protocol rather than file://.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export const APP_ORIGIN = 'app://gjj';
export const APP_SCHEME = 'app';

/** `packaged` is app.isPackaged: a production build has no developer tools. */
export function mainWindowOptions(preloadPath: string, packaged = false): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    title: '公积金柜台',
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#f5f7fa',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: !packaged,
    },
  };
}

/** Only our own pages may be shown in the window; everything else (links, redirects, drops) is refused. */
export function isAllowedNavigation(url: string): boolean {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** IPC is answered only for the app's own top frame. */
export function isTrustedSender(frameUrl: string | undefined | null): boolean {
  return !!frameUrl && isAllowedNavigation(frameUrl);
}

/** Maps an app:// request to a file below the renderer folder, refusing any path that climbs out of it. */
export function resolveAppFile(rendererDir: string, requestUrl: string, join: (...p: string[]) => string, sep: string): string | null {
  const u = new URL(requestUrl);
  if (`${u.protocol}//${u.host}` !== APP_ORIGIN) return null;
  const rel = decodeURIComponent(u.pathname).replace(/^\/+/, '') || 'index.html';
  const file = join(rendererDir, rel);
  return file.startsWith(rendererDir + sep) ? file : null;
}

export type OpenDecision = 'pdf-window' | 'external' | 'deny';

/**
 * window.open from the renderer: a PDF the app made itself (a blob: URL of our origin) opens in a child window
 * with Chromium's PDF viewer, from which the clerk prints through the system dialog; an https link (the
 * center's website) goes to the system browser; everything else is refused.
 */
export function windowOpenDecision(url: string): OpenDecision {
  if (url.startsWith(`blob:${APP_ORIGIN}/`)) return 'pdf-window';
  if (isAllowedExternal(url)) return 'external';
  return 'deny';
}

/** The only sites the system browser is asked to open: the two centers' official websites. */
export const EXTERNAL_HOSTS: readonly string[] = ['gjj.yinchuan.gov.cn', 'www.xinjianggjj.com'];

/** shell.openExternal gets https URLs on an explicitly listed host only (no credentials, no other port). */
export function isAllowedExternal(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && EXTERNAL_HOSTS.includes(u.hostname) && u.port === '' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

export function pdfWindowOptions(packaged = false): BrowserWindowConstructorOptions {
  return {
    width: 900,
    height: 1100,
    title: '打印预览',
    autoHideMenuBar: true,
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, plugins: true, devTools: !packaged },
  };
}

/** The PDF viewer window shows the one blob: PDF it was opened with: it never navigates, nor opens windows. */
export function pdfWindowNavigation(openedUrl: string, targetUrl: string): 'allow' | 'deny' {
  return targetUrl === openedUrl ? 'allow' : 'deny';
}

/** The subset of webContents the guards need, so they can be unit-tested without Electron. */
export interface GuardableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Guards for the PDF viewer window: any navigation away from its PDF is prevented, every window.open denied. */
export function guardPdfWindow(contents: GuardableContents, openedUrl: string): void {
  const block = (event: { preventDefault(): void }, url: string) => {
    if (pdfWindowNavigation(openedUrl, url) === 'deny') event.preventDefault();
  };
  contents.on('will-navigate', block);
  contents.on('will-redirect', block);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
