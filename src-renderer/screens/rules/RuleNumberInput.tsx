import { FieldError } from '../../components/FieldError';

interface Props {
  /** The input's DOM id; its error and warning hang off it. */
  id: string;
  /** What the number is, with its unit ("Limit (mmHg)"). */
  label: string;
  unit: string;
  value: string;
  step: string;
  /** The row's rule id, so a screen reader hears which rule the number belongs to. */
  describedBy: string;
  error: string | null;
  /** A value main accepts but that is likely a slip. */
  warning?: string | null;
  onChange(value: string): void;
}

/** A number of a rule, its unit beside it, main's refusal or the editor's warning under it. */
export function RuleNumberInput({ id, label, unit, value, step, describedBy, error, warning = null, onChange }: Props) {
  const described = [describedBy, error ? `${id}-error` : null, warning ? `${id}-warning` : null].filter((part) => part !== null).join(' ');
  return (
    <div className="rule-input">
      <span className="rule-input-line">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          step={step}
          value={value}
          aria-label={label}
          aria-invalid={error !== null}
          aria-describedby={described}
          data-warning={warning ? 'true' : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
        <span className="unit" aria-hidden="true">
          {unit}
        </span>
      </span>
      <FieldError id={`${id}-error`} text={error} />
      {warning && (
        <p className="rule-warning" id={`${id}-warning`}>
          <span aria-hidden="true">⚠ </span>
          {warning}
        </p>
      )}
    </div>
  );
}
