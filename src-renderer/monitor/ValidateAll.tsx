import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reading } from '../../shared/domain/reading';
import { isUnvalidatedMonitorValue } from './MonitorBadge';
import { ValidateButton } from './ValidateButton';

/** Alt+V validates every monitor value shown so far: the range since the nurse last looked. */
const SHORTCUT = 'Alt+V';

export function ValidateAll({ readings }: { readings: readonly Reading[] }) {
  const { t } = useTranslation();
  const ids = readings.filter(isUnvalidatedMonitorValue).map((r) => r.id);
  const box = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const handler = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.code !== 'KeyV') return;
      event.preventDefault();
      box.current?.querySelector<HTMLButtonElement>('button')?.click();
    };
    window.addEventListener('keydown', handler);
    return () => window.removeEventListener('keydown', handler);
  }, []);
  if (ids.length === 0) return null;
  return (
    <span ref={box} className="validate-all" data-testid="validate-all">
      <ValidateButton readingIds={ids} label={t('monitor.validateAll', { count: ids.length })} shortcut={SHORTCUT} />
    </span>
  );
}
