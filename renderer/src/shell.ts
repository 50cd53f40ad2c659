/** The desktop program's 连接方式 bridge (electron/preload.ts); absent in a browser (npm run web). */
import type { CallResult } from '../../shared/errors';

export type ConnectionMode = 'standalone' | 'host' | 'terminal';

export interface ShellConfig {
  config: { mode: ConnectionMode; hostUrl?: string; fingerprint?: string; terminalId: string };
  exists: boolean;
  error?: string;
  labels: Record<ConnectionMode, string>;
}

export interface ConfigChange {
  config: { mode: ConnectionMode; hostUrl?: string; fingerprint?: string };
  token?: string | null;
  adminLogin?: string;
  adminPassword?: string;
}

declare global {
  interface Window {
    gjjShell?: {
      getConfig(): Promise<ShellConfig | null>;
      probe(url: string): Promise<CallResult<{ fingerprint: string; subject: string }>>;
      setConfig(req: ConfigChange): Promise<CallResult<unknown>>;
    };
  }
}

export const shell = () => window.gjjShell ?? null;
