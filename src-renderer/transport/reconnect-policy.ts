/**
 * How the web bridge retries after its socket drops: quickly at first (a blip heals in a
 * quarter of a second), then every 5 s. Main keeps the window's sign-in for
 * RESUME_WINDOW_MS (30 s, src-main/hosts/resume-tokens.ts); after that the window comes
 * back signed out. Past RECONNECT_GIVE_UP_MS the bridge stops and asks for a reload (the
 * host was restarted: its per-run token changed).
 */
export const RECONNECT_DELAYS_MS = [250, 500, 1_000, 2_000, 4_000, 5_000] as const;
export const RECONNECT_GIVE_UP_MS = 120_000;

export function reconnectDelayMs(attempt: number): number {
  return RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)] ?? 5_000;
}
