import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, type User } from '../../../shared/domain/user';
import type { AppError } from '../../../shared/result';
import { FieldError } from '../../components/FieldError';
import { FormFooter } from '../../components/FormFooter';
import { errorField, fieldErrorText } from '../../format/field-error-text';
import { call } from '../../transport/client';

const TEXT_FIELDS = ['displayName', 'username', 'pin', 'pinRepeat'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const FORM_FIELDS: readonly string[] = [...TEXT_FIELDS, 'roles'];

/** An administrator adds a user. Main checks the username, the PIN rules and the admin role. */
export function NewUserForm({ onCreated, onCancel }: { onCreated(user: User): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<TextField, string>>({ displayName: '', username: '', pin: '', pinRepeat: '' });
  const [roles, setRoles] = useState<readonly Role[]>(['nurse']);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const failed = errorField(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // The repeat never leaves this form; the only check the renderer makes itself.
    if (values.pin !== values.pinRepeat) {
      setError({ code: 'invalid_request', message: t('users.pinMismatch'), field: 'pinRepeat' });
      return;
    }
    setBusy(true);
    const result = await call('user/create', { username: values.username, displayName: values.displayName, roles: [...roles], pin: values.pin });
    setBusy(false);
    if (result.ok) onCreated(result.value);
    else setError(result.error);
  }

  const textOf = (field: string, label: string) => {
    if (!error || failed !== field) return null;
    return field === 'pinRepeat' ? error.message : fieldErrorText(t, error, label);
  };

  const toggle = (role: Role, on: boolean) => setRoles(on ? ROLES.filter((r) => r === role || roles.includes(r)) : roles.filter((r) => r !== role));

  return (
    <form className="card new-user" onSubmit={submit} aria-labelledby="new-user-title" noValidate data-testid="new-user-form">
      <h2 id="new-user-title">{t('users.new')}</h2>
      <div className="user-form-grid">
        {TEXT_FIELDS.map((field, index) => {
          const label = t(`users.${field}`);
          const secret = field === 'pin' || field === 'pinRepeat';
          return (
            <div key={field} className="form-field">
              <label htmlFor={`user-${field}`}>{label}</label>
              <input
                id={`user-${field}`}
                name={field}
                type={secret ? 'password' : 'text'}
                inputMode={secret ? 'numeric' : undefined}
                autoComplete={secret ? 'new-password' : 'off'}
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
      </div>
      <FormFooter
        error={error}
        showError={!FORM_FIELDS.includes(failed ?? '')}
        submitLabel={t('users.create')}
        cancelLabel={t('users.cancel')}
        busy={busy}
        onCancel={onCancel}
      />
    </form>
  );
}
