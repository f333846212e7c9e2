import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Protocol } from '../../../shared/domain/protocol';
import { ProtocolRow } from './ProtocolRow';
import { RetireProtocolRow } from './RetireProtocolRow';

interface Props {
  protocols: readonly Protocol[];
  /** Physicians and administrators edit and retire; everyone else reads. */
  canEdit: boolean;
  onEdit(protocol: Protocol): void;
  onRetired(protocol: Protocol): void;
}

const COLUMNS = [
  ['name', false],
  ['drug', false],
  ['dose', true],
  ['duration', true],
  ['concentration', true],
  ['vitals', true],
  ['minimumRecovery', true],
  ['softLimits', true],
  ['hardLimits', true],
  ['version', true],
  ['status', false],
] as const;

/** The current version of each protocol; retiring one asks in a row under it. */
export function ProtocolTable({ protocols, canEdit, onEdit, onRetired }: Props) {
  const { t } = useTranslation();
  const [retiringId, setRetiringId] = useState<number | null>(null);

  return (
    <table className="admin-table protocol-table" data-testid="protocol-table">
      <thead>
        <tr>
          {COLUMNS.map(([column, numeric]) => (
            <th key={column} scope="col" className={numeric ? 'num' : undefined}>
              {t(`protocols.column.${column}`)}
            </th>
          ))}
          {canEdit && <th scope="col">{t('protocols.column.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {protocols.map((protocol) => (
          <Fragment key={protocol.id}>
            <ProtocolRow
              protocol={protocol}
              canEdit={canEdit}
              retiring={retiringId === protocol.id}
              onEdit={() => onEdit(protocol)}
              onRetire={() => setRetiringId(protocol.id)}
            />
            {retiringId === protocol.id && (
              <RetireProtocolRow
                protocol={protocol}
                columns={COLUMNS.length + (canEdit ? 1 : 0)}
                onRetired={(retired) => {
                  setRetiringId(null);
                  onRetired(retired);
                }}
                onCancel={() => setRetiringId(null)}
              />
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
