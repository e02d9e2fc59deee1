// Documents chosen for an application: checked in the browser as the server checks them (type, 5 MB, 10), sent as base64.

export const MAX_BYTES = 5 * 1024 * 1024;
export const MAX_FILES = 10;
const TYPES = ['image/png', 'image/jpeg', 'application/pdf'];

export interface ChosenFile {
  name: string;
  size: number;
  /** base64 of the file's bytes. */
  content: string;
}

export type Refusal = { name: string; reason: 'tooLarge' | 'wrongType' };

export function refusalOf(file: File): Refusal | null {
  if (!TYPES.includes(file.type)) return { name: file.name, reason: 'wrongType' };
  if (file.size > MAX_BYTES) return { name: file.name, reason: 'tooLarge' };
  return null;
}

