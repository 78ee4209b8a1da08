import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  /** Messages about this field; when any, the field is marked invalid and they are read with it. */
  errors?: string[];
  /** Used by the error summary to link to the control. */
  id?: string;
}

function useFieldIds(id: string | undefined, hint: boolean, errors: boolean) {
  const auto = useId();
  const control = id ?? `f${auto.replace(/[^a-zA-Z0-9]/g, '')}`;
  const describedBy = [hint ? `${control}-hint` : '', errors ? `${control}-error` : ''].filter(Boolean).join(' ');
  return { control, describedBy: describedBy || undefined };
}

function Messages(props: { id: string; hint?: ReactNode; errors?: string[] }) {
  return (
    <>
      {props.hint && (
        <p className="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {!!props.errors?.length && (
        <p className="field-error" id={`${props.id}-error`}>
          {props.errors.join(' ')}
        </p>
      )}
    </>
  );
}

export function TextField(props: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  const { label, hint, errors, id, ...input } = props;
  const ids = useFieldIds(id, !!hint, !!errors?.length);
  return (
    <div className={`field${errors?.length ? ' field-invalid' : ''}`}>
      <label htmlFor={ids.control}>{label}</label>
      <Messages id={ids.control} hint={hint} errors={errors} />
      <input
        id={ids.control}
        aria-describedby={ids.describedBy}
        aria-invalid={errors?.length ? true : undefined}
        {...input}
      />
    </div>
  );
}

export function TextAreaField(props: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>) {
  const { label, hint, errors, id, ...input } = props;
  const ids = useFieldIds(id, !!hint, !!errors?.length);
  return (
    <div className={`field${errors?.length ? ' field-invalid' : ''}`}>
      <label htmlFor={ids.control}>{label}</label>
      <Messages id={ids.control} hint={hint} errors={errors} />
      <textarea
        id={ids.control}
        aria-describedby={ids.describedBy}
        aria-invalid={errors?.length ? true : undefined}
        {...input}
      />
    </div>
  );
}

export function SelectField(props: FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>) {
  const { label, hint, errors, id, children, ...select } = props;
  const ids = useFieldIds(id, !!hint, !!errors?.length);
  return (
    <div className={`field${errors?.length ? ' field-invalid' : ''}`}>
      <label htmlFor={ids.control}>{label}</label>
      <Messages id={ids.control} hint={hint} errors={errors} />
      <select
        id={ids.control}
        aria-describedby={ids.describedBy}
        aria-invalid={errors?.length ? true : undefined}
        {...select}
      >
        {children}
      </select>
    </div>
  );
}

/** A checkbox with its label beside it (the label is part of the tap target). */
export function CheckboxField(props: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'>) {
  const { label, hint, errors, id, ...input } = props;
  const ids = useFieldIds(id, !!hint, !!errors?.length);
  return (
    <div className={`field field-check${errors?.length ? ' field-invalid' : ''}`}>
      <input
        type="checkbox"
        id={ids.control}
        aria-describedby={ids.describedBy}
        aria-invalid={errors?.length ? true : undefined}
        {...input}
      />
      <label htmlFor={ids.control}>{label}</label>
      <Messages id={ids.control} hint={hint} errors={errors} />
    </div>
  );
}

/** A group of related controls under one legend (radio buttons, a person's fields). */
export function Fieldset(props: {
  legend: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  id?: string;
  children: ReactNode;
}) {
  const ids = useFieldIds(props.id, !!props.hint, !!props.errors?.length);
  return (
    <fieldset
      className={`fieldset${props.errors?.length ? ' field-invalid' : ''}`}
      id={ids.control}
      aria-describedby={ids.describedBy}
    >
      <legend>{props.legend}</legend>
      <Messages id={ids.control} hint={props.hint} errors={props.errors} />
      {props.children}
    </fieldset>
  );
}
