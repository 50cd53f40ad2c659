/** The narrow bridge: one function, `window.gjj.call(name, input, token)`, relayed to the main process. */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('gjj', {
  call: (name: string, input: unknown, token: string | null) => ipcRenderer.invoke('gjj:call', name, input, token),
});
