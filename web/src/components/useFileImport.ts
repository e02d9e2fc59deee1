// The state of an answer-file import on a page (a bank's returns, an insurer's result): choosing a file
// uploads it; the page shows the result, or the refusal with its row errors (and may offer the file's
// error report, so the refused file is kept).
import { useState, type ChangeEvent } from 'react';
import type { RowError, Uploaded } from '../api/upload.ts';

export interface Refused {
  message: string;
  errors: RowError[];
  file: File;
}

export function useFileImport<R>(upload: (file: File) => Promise<Uploaded<R>>, onImported: () => void) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<R | null>(null);
  const [refused, setRefused] = useState<Refused | null>(null);
  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setBusy(true);
    setResult(null);
    setRefused(null);
    try {
      const r = await upload(file);
      if (r.ok) {
        setResult(r.result);
        onImported();
      } else setRefused({ message: r.message, errors: r.errors, file });
    } catch (err) {
      setRefused({ message: err instanceof Error ? err.message : String(err), errors: [], file });
    } finally {
      setBusy(false);
    }
  };
  return { busy, result, refused, choose };
}
