import type { FormInstance } from 'antd';
import { useState } from 'react';
import { showFieldErrors, type FieldErrorMapping } from './fieldErrors.ts';
import { validatedValues } from '../../forms/validated.ts';

/**
 * Validates `form`, runs `save` with its values and calls `onSaved`; the server's field messages go
 * on the form's fields, the rest into `errors` (for an Alert above the form).
 */
export function useFormSubmit<T>(form: FormInstance<T>, mapping: FieldErrorMapping, save: (values: T) => Promise<void>, onSaved: () => void) {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  const submit = async () => {
    setErrors([]);
    const values = await validatedValues(form);
    if (!values) return;
    setBusy(true);
    try {
      await save(values);
      onSaved();
    } catch (err) {
      setErrors(showFieldErrors(form, err, mapping));
    } finally {
      setBusy(false);
    }
  };

  return { busy, errors, submit: () => void submit() };
}
