import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge, call } from '../transport/client';

/**
 * Desktop only: prints the session report PDF itself (the same file as the export), through
 * the system's print dialog. In a browser the downloaded PDF is printed from the viewer.
 */
export function PrintReportButton({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const desktop = bridge().desktop;
  if (!desktop) return null;

  async function print() {
    if (!desktop) return;
    setBusy(true);
    setFailed(false);
    const result = await call('export/session', { sessionId, format: 'pdf' });
    const printed = result.ok ? (await desktop.printPdf(result.value)).printed : false;
    setBusy(false);
    setFailed(!printed);
  }

  return (
    <span className="export-buttons">
      <button type="button" disabled={busy} aria-busy={busy} onClick={() => void print()} data-testid="record-print">
        {busy ? t('records.print.preparing') : t('records.print.button')}
      </button>
      {failed && <span role="alert" className="field-error">{t('records.print.failed')}</span>}
    </span>
  );
}
