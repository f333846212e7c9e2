import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserAccount } from '../../shared/domain/user';
import { errorText } from '../format/error-text';
import { useSignedInUser } from '../store/access';
import { useAnswer } from '../hooks/use-answer';
import { bridge, call } from '../transport/client';
import { NewUserForm } from './users/NewUserForm';
import { UserTable } from './users/UserTable';
import './admin.css';

const NO_USERS: UserAccount[] = [];

/** Administrators list and add the people who sign in to Vigil. */
export function UsersScreen() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  // Another administrator's change (or a user choosing a PIN) shows here at once.
  useEffect(() => bridge().subscribe('users/changed', () => setReloads((count) => count + 1)), []);

  const answer = useAnswer(() => call('user/list', {}), { refresh: [reloads] });
  const users = answer.value ?? NO_USERS;
  const loadError = answer.error && t('users.loadFailed', { message: errorText(t, answer.error) });

  return (
    <main className="admin-screen" data-testid="users-screen">
      <div className="toolbar">
        <h1>{t('users.title')}</h1>
        <span className="muted">{t('users.count', { count: users.length })}</span>
        {!creating && (
          <button
            type="button"
            className="primary"
            onClick={() => {
              setNotice(null);
              setCreating(true);
            }}
          >
            {t('users.new')}
          </button>
        )}
      </div>
      <p className="muted screen-intro">{t('users.intro')}</p>
      {notice && (
        <p className="notice" role="status" data-testid="users-notice">
          {notice}
        </p>
      )}
      {creating && (
        <NewUserForm
          onCreated={(user, oneTimeCode) => {
            setCreating(false);
            setNotice(t('accounts.codeIssued', { name: user.displayName, username: user.username, code: oneTimeCode }));
            setReloads((count) => count + 1);
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      {loadError && (
        <p className="field-error" role="alert">
          {loadError}
        </p>
      )}
      {users.length === 0 && !loadError ? (
        <p className="empty">{t('users.none')}</p>
      ) : (
        <div className="card table-card">
          <UserTable
            users={users}
            currentUserId={me?.id ?? null}
            onChanged={(text) => {
              setNotice(text);
              setReloads((count) => count + 1);
            }}
          />
        </div>
      )}
    </main>
  );
}
