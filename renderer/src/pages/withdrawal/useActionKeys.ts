/**
 * One idempotency key per action the clerk starts: a retry of the same action (a double click, a lost answer)
 * reuses it, so it takes effect once; once the action has succeeded the next one gets a fresh key.
 */
import { useCallback, useRef } from 'react';
import { newKey } from '../../api';

export function useActionKeys() {
  const keys = useRef(new Map<string, string>());
  const keyFor = useCallback((action: string) => {
    let k = keys.current.get(action);
    if (!k) {
      k = newKey(`wd-${action}`);
      keys.current.set(action, k);
    }
    return k;
  }, []);
  const done = useCallback((action: string) => void keys.current.delete(action), []);
  return { keyFor, done };
}
