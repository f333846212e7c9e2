import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Protocol } from '../../shared/domain/protocol';
import { errorText } from '../format/error-text';
import { useAnswer } from '../hooks/use-answer';
import { mayCall, useSignedInUser } from '../store/access';
import { call } from '../transport/client';
import { ProtocolForm } from './protocols/ProtocolForm';
import { ProtocolTable } from './protocols/ProtocolTable';
import './admin.css';

const NO_PROTOCOLS: Protocol[] = [];

type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; protocol: Protocol };

/** The clinic's protocols: everyone reads them; physicians and administrators create, edit (a new version) and retire. */
export function ProtocolsScreen() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const canEdit = mayCall(user, 'protocol/revise');
  const [showRetired, setShowRetired] = useState(false);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [notice, setNotice] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  const answer = useAnswer(() => call('protocol/list', { includeRetired: showRetired }), { refresh: [showRetired, reloads] });
  const protocols = answer.value ?? NO_PROTOCOLS;
  const loadError = answer.error && t('protocols.loadFailed', { message: errorText(t, answer.error) });

  function changed(message: string) {
    setEditing({ kind: 'none' });
    setNotice(message);
    setReloads((count) => count + 1);
  }

  return (
    <main className="admin-screen" data-testid="protocols-screen">
      <div className="toolbar">
        <h1>{t('protocols.title')}</h1>
        <label className="inline-check">
          <input type="checkbox" checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)} />
          {t('protocols.showRetired')}
        </label>
        {canEdit && editing.kind === 'none' && (
          <button type="button" className="primary" onClick={() => setEditing({ kind: 'new' })}>
            {t('protocols.new')}
          </button>
        )}
      </div>
      <p className="muted screen-intro">{canEdit ? t('protocols.intro') : t('protocols.readOnly')}</p>
      {notice && (
        <p className="notice" role="status" data-testid="protocols-notice">
          {notice}
        </p>
      )}
      {editing.kind !== 'none' && (
        <ProtocolForm
          key={editing.kind === 'edit' ? editing.protocol.id : 'new'}
          editing={editing.kind === 'edit' ? editing.protocol : null}
          onSaved={(saved) => changed(t('protocols.savedVersion', { name: saved.name, version: saved.version }))}
          onCancel={() => setEditing({ kind: 'none' })}
        />
      )}
      {loadError && (
        <p className="field-error" role="alert">
          {loadError}
        </p>
      )}
      {protocols.length === 0 && !loadError ? (
        <p className="empty">{t('protocols.none')}</p>
      ) : (
        <div className="card table-card">
          <ProtocolTable
            protocols={protocols}
            canEdit={canEdit}
            onEdit={(protocol) => {
              setNotice(null);
              setEditing({ kind: 'edit', protocol });
            }}
            onRetired={(retired) => changed(t('protocols.retiredDone', { name: retired.name }))}
          />
        </div>
      )}
    </main>
  );
}
