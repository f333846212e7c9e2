import { useTranslation } from 'react-i18next';
import type { User } from '../../../shared/domain/user';

/** Everyone who may sign in, with their roles; the signed-in administrator is marked. */
export function UserTable({ users, currentUserId }: { users: readonly User[]; currentUserId: number | null }) {
  const { t } = useTranslation();
  return (
    <table className="admin-table user-table" data-testid="user-table">
      <thead>
        <tr>
          <th scope="col">{t('users.name')}</th>
          <th scope="col">{t('users.username')}</th>
          <th scope="col">{t('users.roles')}</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id} data-testid="user-row" data-username={user.username}>
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
          </tr>
        ))}
      </tbody>
    </table>
  );
}
