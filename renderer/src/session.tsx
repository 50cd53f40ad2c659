import { createContext, useContext } from 'react';
import type { OperatorDto } from '../../shared/contract/calls';
import type { CenterConfig } from '../../shared/centers';

export interface SessionValue {
  operator: OperatorDto;
  center: CenterConfig;
  logout(): void;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a session');
  return s;
}
