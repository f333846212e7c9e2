import { useState } from 'react';
import type { RequestOf } from '../../shared/contract/channels';
import type { AppError } from '../../shared/result';
import { useAppStore } from '../store/app-store';
import { call } from '../transport/client';

/** Channels that change a session and answer with its fresh screen. */
export type SessionWriteChannel = 'dose/order' | 'screening/record' | 'override/add' | 'discharge/assess' | 'phq9/record';

/**
 * Runs one session write through the contract and puts main's answer on screen. Returns
 * whether it was saved; the error (with its field) stays for the form to show.
 */
export function useSessionAction() {
  const setDetail = useAppStore((state) => state.setDetail);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  async function run<C extends SessionWriteChannel>(channel: C, request: RequestOf<C>): Promise<boolean> {
    setBusy(true);
    // The union of request types is narrowed by C; the bridge's per-channel function takes exactly it.
    const result = await call(channel as SessionWriteChannel, request as never);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    setError(null);
    setDetail(result.value);
    return true;
  }

  return { run, error, busy, clearError: () => setError(null) };
}
