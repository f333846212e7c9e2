import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Protocol } from '../../../shared/domain/protocol';
import { errorText } from '../../format/error-text';
import { call } from '../../transport/client';

interface Props {
  protocol: Protocol;
  /** The table's column count: the question spans the whole row under the protocol. */
  columns: number;
  onRetired(retired: Protocol): void;
  onCancel(): void;
}

/** Retiring asks once more, under the protocol's row: new sessions can no longer choose it. */
export function RetireProtocolRow({ protocol, columns, onRetired, onCancel }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function retire() {
    setBusy(true);
    const result = await call('protocol/retire', { protocolId: protocol.id });
    setBusy(false);
    if (result.ok) onRetired(result.value);
    else setError(errorText(t, result.error));
  }

  return (
    <tr className="retire-row" data-testid="retire-confirm">
      <td colSpan={columns}>
        <div className="retire-confirm" role="group" aria-label={t('protocols.retire')}>
          <p>{t('protocols.retireConfirm', { name: protocol.name, version: protocol.version })}</p>
          <button type="button" className="danger" disabled={busy} onClick={() => void retire()} autoFocus>
            {t('protocols.retireYes')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('protocols.cancel')}
          </button>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
      </td>
    </tr>
  );
}
