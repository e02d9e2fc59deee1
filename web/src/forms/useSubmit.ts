// Submitting a dialog or form: validates it, runs `send` with its values; while it runs `busy`; a refusal puts
// the server's field messages on the fields (`rename`: server field → form field) and its message in `error`.
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { showFieldErrors } from './fieldErrors.ts';
import { validatedValues } from './validated.ts';

export function useSubmit<T>(form: FormInstance<T>, send: (values: T) => Promise<void>, rename: Record<string, string> = {}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const values = await validatedValues(form);
    if (!values) return;
    setBusy(true);
    setError(null);
    try {
      await send(values);
    } catch (err) {
      setError(showFieldErrors(form, err, rename));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit: () => void submit() };
}
