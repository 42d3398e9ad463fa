// The API client: the signed-in person's token, the chosen language, and errors that name their fields.
import { apiBase } from './config.js';
import { currentLang } from './i18n.js';
import { currentSession, signOut } from './session.js';

export interface FieldIssue {
  path: string;
  message: string;
}

/** An answer other than 2xx, as the API worded it in the chosen language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }

  /** The message for one field (`reply`, `location.address`), if the API named it. */
  forField(field: string): string | undefined {
    return this.issues.find((i) => i.path === field || i.path.startsWith(`${field}.`) || i.path.startsWith(`${field}[`))?.message;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  headers?: Record<string, string>;
}

/** Sends a request to the API and parses its JSON answer; throws ApiError otherwise. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  return (await response.json()) as T;
}

/** Sends a request and returns the raw response (for ETags and CSV downloads); throws ApiError unless 2xx or 304. */
export async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const session = currentSession();
  const headers: Record<string, string> = { 'accept-language': currentLang(), ...options.headers };
  if (session) headers.authorization = `Bearer ${session.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${await apiBase()}${path}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (response.ok || response.status === 304) return response;
  if (response.status === 401 && session) signOut();
  const body = (await response.json().catch(() => ({}))) as { error?: string; message?: string; issues?: FieldIssue[] };
  throw new ApiError(response.status, body.error ?? String(response.status), body.message ?? response.statusText, body.issues ?? []);
}
