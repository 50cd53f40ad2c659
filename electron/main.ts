/**
 * Electron main process: window, app:// protocol, and the IPC relay. It owns no business logic: every call is
 * forwarded to the backend utility process (electron/backend.ts), which runs the same dispatcher as the HTTP
 * transport, so long SQLite work never freezes the window — or, on a 柜台终端 (terminal.json), to the 网点主机 over
 * pinned HTTPS (electron/hostClient.ts), with no local ledger at all.
 */
import { app, BrowserWindow, dialog, ipcMain, net, protocol, safeStorage, session, shell, utilityProcess, type UtilityProcess } from 'electron';
import { loadIntegrityKey } from './integrityKey';
import { decideConfigChange } from './configChange';
import { createHostClient, probe, type HostClient } from './hostClient';
import { DEFAULT_HOST_LISTEN, readConfig, writeConfig, MODE_LABELS } from './terminalConfig';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_ORIGIN, APP_SCHEME, guardPdfWindow, isAllowedExternal, isAllowedNavigation, isTrustedSender, mainWindowOptions, pdfWindowOptions, resolveAppFile, windowOpenDecision } from './windowOptions';

app.setPath('userData', join(app.getPath('appData'), 'gjj-counter'));
const dataDir = process.env.GJJ_DATA ?? join(app.getPath('userData'), 'data');
const rendererDir = join(__dirname, '../renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

// 连接方式 (terminal.json): 单机 and 网点主机 run the local backend; a 柜台终端 relays every call to its host.
let connection = readConfig(app.getPath('userData'));
const hostClient: HostClient | null =
  connection.config.mode === 'terminal' && !connection.error
    ? createHostClient({ hostUrl: connection.config.hostUrl!, fingerprint: connection.config.fingerprint!, terminalId: connection.config.terminalId })
    : null;

function relay(call: string, input: unknown, token: string | null): Promise<unknown> {
  if (connection.error) return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: connection.error } });
  return hostClient ? hostClient.call(call, input, token) : callBackend(call, input, token);
}

let backend: UtilityProcess | null = null;
let nextId = 1;
const pending = new Map<number, (result: unknown) => void>();

function startBackend(): UtilityProcess {
  // The integrity key stays with safeStorage; only the backend process gets it, in its environment.
  const key = loadIntegrityKey(app.getPath('userData'), safeStorage);
  const c = connection.config;
  // 网点主机: the backend also serves the LAN (HTTPS, its own certificate; the fingerprint shows on 网点主机 page).
  const lan = c.mode === 'host' ? ['--listen', c.listen ?? DEFAULT_HOST_LISTEN, '--names', (c.names ?? []).join(','), '--static', join(__dirname, '../renderer')] : [];
  const child = utilityProcess.fork(join(__dirname, 'backend.js'), ['--data', dataDir, ...lan], {
    serviceName: 'gjj-backend',
    env: { ...process.env, GJJ_INTEGRITY_KEY: key.hex },
  });
  child.on('message', (msg: { id: number; result: unknown }) => {
    pending.get(msg.id)?.(msg.result);
    pending.delete(msg.id);
  });
  child.on('exit', () => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'INTERNAL', message: '业务服务已退出，请重新启动程序' } });
    pending.clear();
    backend = null;
  });
  return child;
}

function callBackend(call: string, input: unknown, token: string | null): Promise<unknown> {
  backend ??= startBackend();
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    backend!.postMessage({ id, call, input, token });
  });
}

function createWindow(): void {
  const win = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/preload.js'), app.isPackaged));
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision === 'pdf-window') return { action: 'allow', overrideBrowserWindowOptions: pdfWindowOptions(app.isPackaged) };
    if (decision === 'external' && isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  // The PDF viewer child window: no navigation away from its PDF, no further windows.
  win.webContents.on('did-create-window', (child, { url }) => guardPdfWindow(child.webContents, url));
  // A form with typed data asks before F5 or closing (beforeunload); Electron shows no question of its own.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: ['离开（保留草稿）', '留在本页'],
      defaultId: 1,
      cancelId: 1,
      title: '公积金柜台',
      message: '表单中已填写的内容尚未提交',
      detail: '已填写的内容已存为草稿，可在“待办 → 我的草稿”中继续办理。确定离开吗？',
    });
    if (choice === 0) event.preventDefault();
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

app.whenReady().then(() => {
  protocol.handle(APP_SCHEME, (request) => {
    const file = resolveAppFile(rendererDir, request.url, join, sep);
    if (!file) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ipcMain.handle('gjj:call', (event, call: unknown, input: unknown, token: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自非本程序页面的调用' } };
    }
    return relay(String(call), input, typeof token === 'string' ? token : null);
  });
  ipcMain.handle('gjj:shell:getConfig', (event) => {
    if (!isTrustedSender(event.senderFrame?.url)) return null;
    return { ...connection, labels: MODE_LABELS };
  });
  ipcMain.handle('gjj:shell:probe', (event, url: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url)) return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自非本程序页面的调用' } };
    return probe(String(url));
  });
  // Saved, then the program restarts in the new mode (a 柜台终端 must not keep a local ledger open).
  ipcMain.handle('gjj:shell:setConfig', async (event, req: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url)) return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自非本程序页面的调用' } };
    const r = (req && typeof req === 'object' ? req : {}) as { config?: unknown; token?: unknown; adminLogin?: unknown; adminPassword?: unknown };
    const decided = await decideConfigChange(
      {
        config: r.config,
        token: typeof r.token === 'string' ? r.token : null,
        ...(typeof r.adminLogin === 'string' ? { adminLogin: r.adminLogin } : {}),
        ...(typeof r.adminPassword === 'string' ? { adminPassword: r.adminPassword } : {}),
      },
      {
        current: connection,
        me: (token) => relay('session.me', {}, token) as Promise<never>,
        localInitialised: async () => {
          const s = (await relay('setup.status', {}, null)) as { ok: boolean; data?: { initialised?: boolean } };
          return !s.ok || s.data?.initialised !== false;
        },
        loginOnTarget: async (target, login, password) => {
          const client = createHostClient({ hostUrl: target.hostUrl!, fingerprint: target.fingerprint!, terminalId: target.terminalId });
          const r = await client.call('session.login', { login, password }, null);
          if (r.ok) void client.call('session.logout', {}, (r.data as { token: string }).token);
          return r;
        },
      },
    );
    if (!decided.ok) return decided;
    writeConfig(app.getPath('userData'), decided.data);
    connection = readConfig(app.getPath('userData'));
    setTimeout(() => {
      app.relaunch();
      app.exit(0);
    }, 300);
    return { ok: true, data: decided.data };
  });
  // 网点主机: the same local backend, which also serves the LAN (startBackend passes --listen; electron/backend.ts).
  if (!hostClient && !connection.error) backend = startBackend();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.on('window-all-closed', () => {
  backend?.kill();
  if (process.platform !== 'darwin') app.quit();
});
