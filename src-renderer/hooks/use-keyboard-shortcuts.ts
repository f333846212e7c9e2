import { useEffect } from 'react';

/** Ctrl (or ⌘) + digit handlers for the whole window. */
export function useDigitShortcuts(onDigit: (digit: number) => void): void {
  useEffect(() => {
    const handler = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (!/^Digit[0-9]$/.test(event.code)) return;
      event.preventDefault();
      onDigit(Number(event.code.slice(5)));
    };
    window.addEventListener('keydown', handler);
    return () => window.removeEventListener('keydown', handler);
  }, [onDigit]);
}
