/** What the branch host (网点主机) tells an administrator: its mode, address, certificate and open sessions. */
export interface HostInfoDto {
  /** 网点主机 when served by `gjj serve` over HTTPS; 单机 for the Electron app and `npm run web`. */
  mode: '网点主机' | '单机';
  /** SHA-256 of the host's TLS certificate, colon-separated hex as browsers show it; null without TLS. */
  fingerprint: string | null;
  /** The address it listens on (host:port), null in 单机 mode. */
  listen: string | null;
  /** The names terminals may use for it (certificate SANs with the port). */
  names: string[];
  startedAt: string;
}

export interface SessionListItem {
  id: string;
  operatorId: number;
  login: string;
  name: string;
  role: string;
  roleLabel: string;
  terminal: string | null;
  address: string | null;
  userAgent: string | null;
  openedAt: string;
  lastSeen: string;
  /** The administrator's own session (ending it logs the administrator out). */
  current: boolean;
}
