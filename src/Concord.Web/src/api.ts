// Every view is fed by the node's own API on this origin, with the session cookie; the browser holds only what
// that API returned for the signed-in member's party. State changes carry the session's CSRF token.

export interface SessionInfo {
  member: string;
  role: string;
  party: string;
  party_name: string | null;
  csrf_token: string | null;
  idle_timeout_seconds: number;
}

export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  pointer?: string;
  errors?: { pointer: string; message: string }[];
}

export class ApiError extends Error {
  constructor(public readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
}

let session: SessionInfo | null = null;
let reauthenticate: (() => Promise<void>) | null = null;

export function currentSession(): SessionInfo | null {
  return session;
}

export function setSession(value: SessionInfo | null): void {
  session = value;
}

/** Called when the session has ended mid-work: shows sign-in, resolves once signed in again (the view stays as it was). */
export function onSessionExpired(handler: () => Promise<void>): void {
  reauthenticate = handler;
}

export async function signIn(apiKey: string): Promise<SessionInfo> {
  const response = await fetch('/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ api_key: apiKey }),
    credentials: 'same-origin',
  });
  if (!response.ok) throw new ApiError(await problemOf(response));
  session = (await response.json()) as SessionInfo;
  return session;
}

export async function loadSession(): Promise<SessionInfo | null> {
  const response = await fetch('/api/session', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (response.status === 401) return null;
  if (!response.ok) throw new ApiError(await problemOf(response));
  session = (await response.json()) as SessionInfo;
  return session;
}

export async function signOut(): Promise<void> {
  await request('DELETE', '/api/session', undefined, { retry: false });
  session = null;
}

interface Options {
  signal?: AbortSignal;
  retry?: boolean;
  contentType?: string;
}

export async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await request('GET', path, undefined, { signal })) as T;
}

export async function send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, options: Options = {}): Promise<T> {
  return (await request(method, path, body, options)) as T;
}

async function request(method: string, path: string, body: unknown, options: Options): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json';
  if (method !== 'GET' && session?.csrf_token) headers['X-CSRF-Token'] = session.csrf_token;
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    credentials: 'same-origin',
    signal: options.signal,
  });
  if (response.status === 401 && options.retry !== false && reauthenticate) {
    await reauthenticate();
    return request(method, path, body, { ...options, retry: false });
  }
  if (response.status === 204) return undefined;
  const type = response.headers.get('Content-Type') ?? '';
  if (!response.ok) {
    if (type.includes('json')) {
      const json = (await response.json()) as Problem & { problems?: { pointer: string; message: string }[] };
      if (!('status' in json) || json.problems) {
        throw new ApiError({ status: response.status, detail: 'refused', errors: json.problems?.map((p) => ({ pointer: p.pointer, message: p.message })) });
      }
      throw new ApiError(json);
    }
    throw new ApiError({ status: response.status, detail: await response.text() });
  }
  return type.includes('json') ? response.json() : response.text();
}

async function problemOf(response: Response): Promise<Problem> {
  try {
    return (await response.json()) as Problem;
  } catch {
    return { status: response.status, detail: response.statusText };
  }
}

export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '' || value === false) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
