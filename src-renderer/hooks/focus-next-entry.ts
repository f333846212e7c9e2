/**
 * After an action, focus goes where the nurse types next, never to the page body (from where
 * Tab would run through Pause, Stop and Abort first). Inputs mark themselves with
 * `data-next-entry`; the first one on screen wins (the reading form's HR while charting, the
 * signature PIN once discharged). Retried for a few frames because the screen re-renders
 * after main's answer. Where the screen has no entry, `fallbackSelector` names what gets focus.
 */
const FRAMES_TO_WAIT = 20;

export function focusNextEntry(fallbackSelector?: string): void {
  let frames = 0;
  const attempt = () => {
    const target = document.querySelector<HTMLElement>('[data-next-entry]');
    if (target && !target.hasAttribute('disabled')) {
      target.focus();
      return;
    }
    if (++frames < FRAMES_TO_WAIT) requestAnimationFrame(attempt);
    // A screen with no entry (the physician's queue): the fallback, for example the next alert's Acknowledge.
    else if (fallbackSelector) document.querySelector<HTMLElement>(fallbackSelector)?.focus();
  };
  requestAnimationFrame(attempt);
}
