import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OrderKindSchema, type Protocol } from '../../../shared/domain/protocol';
import type { AppError } from '../../../shared/result';
import { FieldError } from '../../components/FieldError';
import { FormFooter } from '../../components/FormFooter';
import { errorField, fieldErrorText } from '../../format/field-error-text';
import { call } from '../../transport/client';
import { initialValues, NUMERIC_FIELDS, toFields, type FieldGroup, type FormValues } from './protocol-fields';
import { unitText } from './units';

const TEXT_FIELDS = ['name', 'drug'] as const;
const FORM_FIELDS: readonly string[] = [...TEXT_FIELDS, 'orderKind', ...NUMERIC_FIELDS.map(({ field }) => field)];
const GROUPS: readonly FieldGroup[] = ['dose', 'timing', 'limits'];

/**
 * Creates a protocol, or saves an edit as the family's next version. Main validates every
 * field (limits in order, dose within the soft limits) and names the one it refuses.
 */
export function ProtocolForm({ editing, onSaved, onCancel }: { editing: Protocol | null; onSaved(protocol: Protocol): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<FormValues>(() => initialValues(editing));
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const failed = errorField(error);
  const nextVersion = editing ? editing.version + 1 : 1;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const fields = toFields(values);
    const result = editing ? await call('protocol/revise', { protocolId: editing.id, fields }) : await call('protocol/create', fields);
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else setError(result.error);
  }

  const inputProps = (field: string) => ({
    id: `protocol-${field}`,
    name: field,
    'aria-invalid': failed === field,
    'aria-describedby': failed === field ? `protocol-${field}-error` : undefined,
  });
  const errorFor = (field: string, label: string, unit?: string) => (
    <FieldError id={`protocol-${field}-error`} text={error && failed === field ? fieldErrorText(t, error, label, unit) : null} />
  );

  return (
    <form className="card protocol-form" onSubmit={submit} noValidate aria-labelledby="protocol-form-title" data-testid="protocol-form">
      <h2 id="protocol-form-title">{editing ? t('protocols.form.editTitle', { name: editing.name, version: editing.version }) : t('protocols.form.newTitle')}</h2>
      <p className="version-note" data-testid="version-note">
        {editing ? t('protocols.form.editNote', { next: nextVersion, version: editing.version }) : t('protocols.form.newNote')}
      </p>
      {GROUPS.map((group) => (
        <fieldset key={group} className={`protocol-group protocol-group-${group}`}>
          <legend>{t(`protocols.form.legend.${group}`)}</legend>
          {group === 'dose' && (
            <>
              {TEXT_FIELDS.map((field) => (
                <div key={field} className="form-field">
                  <label htmlFor={`protocol-${field}`}>{t(`protocols.form.${field}`)}</label>
                  <input {...inputProps(field)} value={values[field]} maxLength={100} onChange={(e) => setValues({ ...values, [field]: e.target.value })} />
                  {errorFor(field, t(`protocols.form.${field}`))}
                </div>
              ))}
              <div className="form-field">
                <label htmlFor="protocol-orderKind">{t('protocols.form.orderKind')}</label>
                <select
                  {...inputProps('orderKind')}
                  value={values.orderKind}
                  onChange={(e) => setValues({ ...values, orderKind: OrderKindSchema.parse(e.target.value) })}
                >
                  {OrderKindSchema.options.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`protocols.form.orderKindOption.${kind}`)}
                    </option>
                  ))}
                </select>
                {errorFor('orderKind', t('protocols.form.orderKind'))}
              </div>
            </>
          )}
          {NUMERIC_FIELDS.filter((spec) => spec.group === group).map(({ field, unit, step }) => {
            const label = t(`protocols.form.${field}`);
            const unitLabel = unitText(t, unit, values.orderKind);
            return (
              <div key={field} className="form-field">
                <label htmlFor={`protocol-${field}`}>{t('protocols.form.withUnit', { label, unit: unitLabel })}</label>
                <input
                  {...inputProps(field)}
                  type="number"
                  inputMode="decimal"
                  step={step}
                  min={0}
                  value={values[field]}
                  onChange={(e) => setValues({ ...values, [field]: e.target.value })}
                />
                {errorFor(field, label, unitLabel)}
              </div>
            );
          })}
        </fieldset>
      ))}
      <FormFooter
        error={error}
        showError={!FORM_FIELDS.includes(failed ?? '')}
        submitLabel={editing ? t('protocols.form.saveVersion', { next: nextVersion }) : t('protocols.form.saveNew')}
        cancelLabel={t('protocols.form.cancel')}
        busy={busy}
        onCancel={onCancel}
      />
    </form>
  );
}
