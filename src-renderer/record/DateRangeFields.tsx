import { useTranslation } from 'react-i18next';

/** "From" and "To" day pickers (YYYY-MM-DD, both days included) for the records list and the clinic report. */
export function DateRangeFields({ from, to, onFrom, onTo, testIdPrefix }: { from: string; to: string; onFrom(value: string): void; onTo(value: string): void; testIdPrefix: string }) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t('records.from')}
        <input type="date" value={from} onChange={(e) => onFrom(e.target.value)} data-testid={`${testIdPrefix}-from`} />
      </label>
      <label>
        {t('records.to')}
        <input type="date" value={to} onChange={(e) => onTo(e.target.value)} data-testid={`${testIdPrefix}-to`} />
      </label>
    </>
  );
}
