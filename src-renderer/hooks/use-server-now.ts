import { useEffect, useState } from 'react';
import { serverNow } from '../store/sync';

/** Main's clock, re-read every second, for countdowns (audio pause, due checks). */
export function useServerNow(): number {
  const [now, setNow] = useState(() => serverNow());
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
