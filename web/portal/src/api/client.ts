// The portal's one fetch wrapper: JSON to and from /api/portal/v1, the portal cookie included, typed errors.

export interface FieldError {
  field: string;
  message: string;
}

export class PortalApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];

  constructor(status: number, code: string, message: string, fields: FieldError[]) {
    super(message);
    this.name = 'PortalApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }

  /** The message for one field of a 400, if the API named it. */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.field === field || f.field.endsWith(`.${field}`))?.message;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fieldsOf(details: unknown): FieldError[] {
  const list = isRecord(details) ? details['fields'] : undefined;
  if (!Array.isArray(list)) return [];
  return list.filter((f): f is FieldError => isRecord(f) && typeof f['field'] === 'string' && typeof f['message'] === 'string');
}

let onUnauthorized: () => void = () => undefined;

/** What to do when a signed-in request answers 401 (the session ended): set by the session provider. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export async function portalApi<T>(path: string, options: { method?: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method: options.method ?? 'GET', credentials: 'same-origin', headers };
  if (options.signal) init.signal = options.signal;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  const res = await fetch(`/api/portal/v1${path}`, init);
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => null);
    const err = isRecord(body) && isRecord(body['error']) ? body['error'] : {};
    const error = new PortalApiError(
      res.status,
      typeof err['code'] === 'string' ? err['code'] : `http_${res.status}`,
      typeof err['message'] === 'string' ? err['message'] : res.statusText,
      fieldsOf(err['details']),
    );
    if (res.status === 401 && !path.startsWith('/auth/') && path !== '/me') onUnauthorized();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
