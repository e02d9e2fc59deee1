import type { FieldError } from './types.ts';

/** An error answered by the API, parsed from `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field errors of a 400, as `details.fields`. */
  get fields(): FieldError[] {
    const fields = this.details?.['fields'];
    if (!Array.isArray(fields)) return [];
    return fields.filter(isFieldError);
  }
}

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['field'] === 'string' && typeof v['message'] === 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Set false where a 401 is an expected answer (login, who-am-i). */
  redirectOn401?: boolean;
  signal?: AbortSignal;
}

type UnauthorizedHandler = () => void;

let onUnauthorized: UnauthorizedHandler = () => {
  if (window.location.pathname !== '/login') window.location.assign('/login');
};

/** Lets the app replace the full-page redirect with a router navigation. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

async function parseError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const err = isRecord(body) && isRecord(body['error']) ? body['error'] : {};
  const code = typeof err['code'] === 'string' ? err['code'] : `http_${res.status}`;
  const message = typeof err['message'] === 'string' ? err['message'] : res.statusText;
  const details = isRecord(err['details']) ? err['details'] : undefined;
  return new ApiError(res.status, code, readableMessage(message), details);
}

/**
 * What staff read of a refusal: the server's message without the field paths it may carry
 * (`body.signerIdNumber: …`, `members.0.name: …`), each part once; forms still place each field's message at it.
 */
export function readableMessage(message: string): string {
  const parts = message.split(/[；;]\s*/).map((p) => p.replace(/^[A-Za-z_][\w]*(?:\.[\w]+)*:\s*/, '').trim()).filter((p) => p !== '');
  return [...new Set(parts)].join('；');
}

/** The one fetch wrapper: JSON in and out, cookies included, typed errors. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = {
    method: options.method ?? 'GET',
    credentials: 'include',
    headers,
  };
  if (options.signal) init.signal = options.signal;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  const res = await fetch(`/api/v1${path}`, init);
  if (!res.ok) {
    const error = await parseError(res);
    if (res.status === 401 && options.redirectOn401 !== false) onUnauthorized();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** GETs a file with the session, as a Blob (an image or a PDF to show in the page or a new tab). */
export async function fetchBlob(path: string): Promise<Blob> {
  const res = await fetch(`/api/v1${path}`, { credentials: 'include' });
  if (!res.ok) {
    const error = await parseError(res);
    if (res.status === 401) onUnauthorized();
    throw error;
  }
  return res.blob();
}

/** Posts `body` and saves the answer as a file (for downloads whose conditions must not sit in a URL). */
export async function download(path: string, body: unknown, fallbackName: string): Promise<void> {
  const res = await fetch(`/api/v1${path}`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    const error = await parseError(res);
    if (res.status === 401) onUnauthorized();
    throw error;
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const named = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = named ? decodeURIComponent(named) : fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
