import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, type UserAccount } from '../../../shared/domain/user';
import type { AppError } from '../../../shared/result';
import { FieldError } from '../../components/FieldError';
import { FormFooter } from '../../components/FormFooter';
import { errorField, fieldErrorText } from '../../format/field-error-text';
import { call } from '../../transport/client';

const TEXT_FIELDS = ['displayName', 'username'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const FORM_FIELDS: readonly string[] = [...TEXT_FIELDS, 'roles', 'cosign', 'username', 'pin'];
const CLINICAL: readonly Role[] = ['nurse', 'physician', 'staff'];

/**
 * An administrator adds a user, who gets a one-time code and chooses their own PIN at first
 * sign-in. A nurse or physician role needs a physician's co-signature (username and PIN).
 * Main checks the username, the roles, the co-signature and the admin role.
 */
export function NewUserForm({ onCreated, onCancel }: { onCreated(user: UserAccount, oneTimeCode: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<TextField, string>>({ displayName: '', username: '' });
  const [cosign, setCosign] = useState({ username: '', pin: '' });
  const [roles, setRoles] = useState<readonly Role[]>(['nurse']);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const failed = errorField(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await call('user/create', {
      username: values.username,
      displayName: values.displayName,
      roles: [...roles],
      ...(needsCosign ? { cosign: { username: cosign.username, pin: cosign.pin } } : {}),
    });
    setBusy(false);
    setCosign({ ...cosign, pin: '' });
    if (result.ok) onCreated(result.value.user, result.value.oneTimeCode);
    else setError(result.error);
  }

  const needsCosign = roles.some((role) => CLINICAL.includes(role));
  const cosignFailed = error?.field?.startsWith('cosign') || error?.reason === 'cosign_not_physician' || (error?.code === 'bad_credentials' && needsCosign);
  const textOf = (field: string, label: string) => {
    if (!error || failed !== field || cosignFailed) return null;
    return fieldErrorText(t, error, label);
  };

  const toggle = (role: Role, on: boolean) => setRoles(on ? ROLES.filter((r) => r === role || roles.includes(r)) : roles.filter((r) => r !== role));

  return (
    <form className="card new-user" onSubmit={submit} aria-labelledby="new-user-title" noValidate data-testid="new-user-form">
      <h2 id="new-user-title">{t('users.new')}</h2>
      <div className="user-form-grid">
        {TEXT_FIELDS.map((field, index) => {
          const label = t(`users.${field}`);
          return (
            <div key={field} className="form-field">
              <label htmlFor={`user-${field}`}>{label}</label>
              <input
                id={`user-${field}`}
                name={field}
                type="text"
                autoComplete="off"
                autoFocus={index === 0}
                value={values[field]}
                aria-invalid={failed === field}
                aria-describedby={failed === field ? `user-${field}-error` : undefined}
                onChange={(e) => setValues({ ...values, [field]: e.target.value })}
              />
              <FieldError id={`user-${field}-error`} text={textOf(field, label)} />
            </div>
          );
        })}
        <fieldset className="role-choice" aria-describedby={failed === 'roles' ? 'user-roles-error' : undefined} aria-invalid={failed === 'roles'}>
          <legend>{t('users.rolesLegend')}</legend>
          {ROLES.map((role) => (
            <label key={role} className="inline-check">
              <input type="checkbox" name="roles" value={role} checked={roles.includes(role)} onChange={(e) => toggle(role, e.target.checked)} />
              <span>
                <strong>{t(`roles.${role}`)}</strong> <span className="muted">{t(`users.roleHint.${role}`)}</span>
              </span>
            </label>
          ))}
          <FieldError id="user-roles-error" text={textOf('roles', t('users.roles'))} />
        </fieldset>
        {needsCosign && (
          <fieldset className="cosign" data-testid="cosign" aria-describedby="user-cosign-error">
            <legend>{t('accounts.cosignLegend')}</legend>
            <p className="muted">{t('accounts.cosignHint')}</p>
            <div className="form-field">
              <label htmlFor="user-cosign-username">{t('accounts.cosignUsername')}</label>
              <input id="user-cosign-username" autoComplete="off" value={cosign.username} onChange={(e) => setCosign({ ...cosign, username: e.target.value })} aria-invalid={cosignFailed} />
            </div>
            <div className="form-field">
              <label htmlFor="user-cosign-pin">{t('accounts.cosignPin')}</label>
              <input id="user-cosign-pin" type="password" inputMode="numeric" autoComplete="off" value={cosign.pin} onChange={(e) => setCosign({ ...cosign, pin: e.target.value })} aria-invalid={cosignFailed} />
            </div>
            <FieldError id="user-cosign-error" text={cosignFailed && error ? fieldErrorText(t, error, t('accounts.cosignLegend')) : null} />
          </fieldset>
        )}
      </div>
      <FormFooter
        error={error}
        showError={!cosignFailed && !FORM_FIELDS.includes(failed ?? '')}
        submitLabel={t('users.create')}
        cancelLabel={t('users.cancel')}
        busy={busy}
        onCancel={onCancel}
      />
    </form>
  );
}
