/**
 * Why a connection failed, in the words a clerk reads: one table for the terminal's link to its branch host
 * (electron/hostClient.ts) and the branch's link to the center (services/branch/centerClient.ts).
 * `peer` names who refused ('主机' or '中心') in the one reason that depends on it.
 */
const REASONS: Record<string, string> = {
  ETIMEDOUT: '连接超时',
  ENOTFOUND: '找不到该主机名',
  EAI_AGAIN: '暂时无法解析主机名',
  ECONNRESET: '连接被中断',
  EPIPE: '连接被中断',
  ECONNABORTED: '连接被中断',
  EHOSTUNREACH: '网络不通',
  ENETUNREACH: '网络不通',
};

export function networkReason(code: unknown, peer: '主机' | '中心'): string | null {
  if (code === 'ECONNREFUSED') return peer === '主机' ? '主机拒绝连接（网点主机程序未运行或端口不对）' : '中心拒绝连接（中心服务未运行或端口不对）';
  return typeof code === 'string' ? (REASONS[code] ?? null) : null;
}
