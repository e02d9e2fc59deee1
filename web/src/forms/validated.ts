import type { FormInstance } from 'antd';

/** The form's values once its rules pass; null when they do not (antd then shows each message at its field). */
export async function validatedValues<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch {
    return null;
  }
}
