/**
 * Asks the engine again a moment after the clerk stops typing. Every change bumps a sequence number, so an answer
 * to an older state of the form — still in flight, or overtaken by a newer keystroke — is never shown.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Decision } from '../../../shared/rules/types';
import { api, ApiError } from '../api';

// The pause after the last keystroke before asking. The clerk's budget from typing to verdict is 300 ms
// (issue 12, scripts/bench-ui.ts), so the pause is well under it; stale answers are dropped by the sequence number.
const DEBOUNCE_MS = 120;

export type LiveRequest =
  | { kind: 'withdrawal' | 'loan'; application: Record<string, unknown> }
  | { hint: string }
  | { problem: string };

export interface LiveState {
  decision: Decision | null;
  /** Why the engine could not judge (a field it names is also marked on the form). */
  error: string | null;
  /** What the clerk still has to do before there is anything to judge. */
  hint: string | null;
  pending: boolean;
}

export function useLiveDecision(onFieldError: (field: string, message: string) => boolean) {
  const [state, setState] = useState<LiveState>({ decision: null, error: null, hint: null, pending: false });
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const fieldError = useRef(onFieldError);
  fieldError.current = onFieldError;

  useEffect(() => () => clearTimeout(timer.current), []);

  /** `build` runs when the pause is over, so it reads the form as it is then, not as it was at the keystroke. */
  const schedule = useCallback((build: () => LiveRequest) => {
    const mine = ++seq.current;
    clearTimeout(timer.current);
    setState((s) => ({ ...s, pending: true }));
    timer.current = setTimeout(() => {
      if (mine !== seq.current) return;
      const req = build();
      if ('hint' in req) return setState({ decision: null, error: null, hint: req.hint, pending: false });
      if ('problem' in req) return setState({ decision: null, error: req.problem, hint: null, pending: false });
      const call = req.kind === 'loan' ? api('rules.evaluateLoan', { application: req.application }) : api('rules.evaluateWithdrawal', { application: req.application });
      (call as Promise<Decision>).then(
        (decision) => mine === seq.current && setState({ decision, error: null, hint: null, pending: false }),
        (e: unknown) => {
          if (mine !== seq.current) return;
          const message = e instanceof Error ? e.message : String(e);
          const shownAtField = e instanceof ApiError && e.field ? fieldError.current(e.field, message) : false;
          setState({ decision: null, error: shownAtField ? `${message}（已在表单中标出）` : message, hint: null, pending: false });
        },
      );
    }, DEBOUNCE_MS);
  }, []);

  return { ...state, schedule };
}
