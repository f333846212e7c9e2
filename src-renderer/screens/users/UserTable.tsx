import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserAccount } from '../../../shared/domain/user';
import type { AppError } from '../../../shared/result';
import { errorText } from '../../format/error-text';
import { call } from '../../transport/client';

type Action = 'disable' | 'enable' | 'resetPin';

/**
 * Everyone who may sign in, with their roles and status; the signed-in administrator is
 * marked. Accounts are disabled and re-enabled, or given a new one-time code, each with a
 * reason; none is ever deleted.
 */
export function UserTable({
  users,
  currentUserId,
  onChanged,
}: {
  users: readonly UserAccount[];
  currentUserId: number | null;
  onChanged(notice: string): void;
}) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<{ userId: number; action: Action } | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AppError | null>(null);

  async function confirm(user: UserAccount, action: Action) {
    const result =
      action === 'resetPin'
        ? await call('user/resetPin', { userId: user.id, reason })
        : await call('user/setActive', { userId: user.id, active: action === 'enable', reason });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setPending(null);
    setReason('');
    setError(null);
    if ('oneTimeCode' in result.value) onChanged(t('accounts.codeIssued', { name: user.displayName, username: user.username, code: result.value.oneTimeCode }));
    else onChanged(t(action === 'enable' ? 'accounts.enabledNotice' : 'accounts.disabledNotice', { name: user.displayName }));
  }

  return (
    <table className="admin-table user-table" data-testid="user-table">
      <thead>
        <tr>
          <th scope="col">{t('users.name')}</th>
          <th scope="col">{t('users.username')}</th>
          <th scope="col">{t('users.roles')}</th>
          <th scope="col">{t('accounts.status')}</th>
          <th scope="col">{t('accounts.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id} data-testid="user-row" data-username={user.username} className={user.active ? undefined : 'inactive'}>
            <th scope="row" data-col="name">
              {user.displayName}
              {user.id === currentUserId && <span className="muted"> {t('users.you')}</span>}
            </th>
            <td data-col="username">
              <code>{user.username}</code>
            </td>
            <td data-col="roles">
              <ul className="role-list">
                {user.roles.map((role) => (
                  <li key={role} className={`role-badge role-${role}`}>
                    {t(`roles.${role}`)}
                  </li>
                ))}
              </ul>
            </td>
            <td data-col="status">{!user.active ? t('accounts.disabled') : user.mustChoosePin ? t('accounts.pinPending') : t('accounts.active')}</td>
            <td data-col="actions">
              {pending?.userId === user.id ? (
                <form
                  className="inline-reason"
                  onSubmit={(event) => {
                    event.preventDefault();
                    void confirm(user, pending.action);
                  }}
                >
                  <label>
                    {t('accounts.reasonPrompt')}
                    <input value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
                  </label>
                  <button type="submit" className="primary">
                    {t('accounts.confirm')}
                  </button>
                  <button type="button" onClick={() => setPending(null)}>
                    {t('accounts.cancel')}
                  </button>
                  {error && (
                    <p className="field-error" role="alert">
                      {errorText(t, error)}
                    </p>
                  )}
                </form>
              ) : (
                user.id !== currentUserId && (
                  <>
                    <button type="button" onClick={() => setPending({ userId: user.id, action: user.active ? 'disable' : 'enable' })}>
                      {t(user.active ? 'accounts.disable' : 'accounts.enable')}
                    </button>
                    {user.active && (
                      <button type="button" onClick={() => setPending({ userId: user.id, action: 'resetPin' })}>
                        {t('accounts.resetPin')}
                      </button>
                    )}
                  </>
                )
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
