/**
 * Calls to the Troupe HTTP API from the page. Errors come back as `ApiError` carrying the server's one-line
 * `error` and the status. A bearer token (needed when the server is bound beyond loopback) is kept for the
 * browser tab only and sent with every call.
 */

const TOKEN_KEY = "troupe.token";

export class ApiError extends Error {
  readonly status: number;
  readonly problems: string[];
  constructor(status: number, message: string, problems: string[] = []) {
    super(message);
    this.status = status;
    this.problems = problems;
  }
}

export function setToken(token: string): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** Headers for a call: JSON, and the tab's bearer token when one was given. */
export function apiHeaders(extra: Record<string, string> = {}): Record<string, string> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra };
}

/** Fails with the server's own error line when the answer is not a success. */
export async function ensureOk(response: Response): Promise<Response> {
  if (response.ok) return response;
  const body = (await response.json().catch(() => ({}))) as { error?: string; problems?: string[] };
  throw new ApiError(response.status, body.error ?? `${response.status} ${response.statusText}`, body.problems);
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await ensureOk(
    await fetch(path, { method, headers: apiHeaders(), body: body === undefined ? undefined : JSON.stringify(body) }),
  );
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export const api = {
  get: <T>(path: string) => call<T>("GET", path),
  post: <T>(path: string, body: unknown = {}) => call<T>("POST", path, body),
  patch: <T>(path: string, body: unknown) => call<T>("PATCH", path, body),
  delete: (path: string) => call<void>("DELETE", path),
};

/** `/agents/<name>/<rest…>` with each part URL-encoded. */
export function agentPath(name: string, ...rest: string[]): string {
  return ["/agents", name, ...rest].map((part, index) => (index === 0 ? part : encodeURIComponent(part))).join("/");
}
