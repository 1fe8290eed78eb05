// One labelled control of the alert-rule form, with its help text and its errors tied to it
// (aria-describedby), so a screen reader hears the problem with the field.
import type { ReactNode } from 'react';
import styles from './alerts.module.css';

/** The id of an input by its name: "channels.0.url" → "rule-channels-0-url"; '' (the rule as a whole) → the name input. */
export const fieldId = (field: string) => `rule-${field === '' ? 'name' : field.replace(/\./g, '-')}`;

export interface InputProps {
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

export interface FieldProps {
  name: string;
  label: string;
  errors?: string[];
  help?: string;
  wide?: boolean;
  input: (props: InputProps) => ReactNode;
}

export function Field({ name, label, errors, help, wide, input }: FieldProps) {
  const id = fieldId(name);
  const described = [help ? `${id}-help` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={wide ? `${styles.field} ${styles.wideField}` : styles.field}>
      <label htmlFor={id}>{label}</label>
      {input({ id, 'aria-invalid': errors?.length ? true : undefined, 'aria-describedby': described || undefined })}
      {help ? (
        <span id={`${id}-help`} className={styles.help}>
          {help}
        </span>
      ) : null}
      {errors?.length ? (
        <span id={`${id}-error`} className={styles.fieldError}>
          {errors.join(' ')}
        </span>
      ) : null}
    </div>
  );
}

