/**
 * The narrow bridge: `window.gjj.call(name, input, token)`, relayed to the main process; and `window.gjjShell`, the
 * 连接方式 settings (read, probe a host's certificate, save — which restarts the program).
 */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('gjj', {
  call: (name: string, input: unknown, token: string | null) => ipcRenderer.invoke('gjj:call', name, input, token),
});

contextBridge.exposeInMainWorld('gjjShell', {
  getConfig: () => ipcRenderer.invoke('gjj:shell:getConfig'),
  probe: (url: string) => ipcRenderer.invoke('gjj:shell:probe', url),
  setConfig: (req: unknown) => ipcRenderer.invoke('gjj:shell:setConfig', req),
});
