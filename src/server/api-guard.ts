import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { isLoopback, isWildcard } from "./is-loopback.js";

/** What the HTTP API lets in; see `createApiGuards`. */
export interface ApiGuardOptions {
  /** The address the server is bound to. */
  host: string;
  /** Bearer token the API's routes (`/agents/*`) ask for. Required beyond loopback. */
  token?: string;
  /** Extra names the `Host` header may carry (a reverse proxy's public name). */
  allowedHosts?: string[];
  /** Largest request body, in bytes. Default 64 KiB. */
  maxBodyBytes?: number;
}

/** 64 KiB: a chat message is a few KB at most (Telegram allows 4,096 characters). */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** The checks of `createApiGuards`: `everyRequest` for the whole server, `apiRoutes` for `/agents/*`. */
export interface ApiGuards {
  everyRequest: MiddlewareHandler[];
  apiRoutes: MiddlewareHandler[];
}

/**
 * The checks requests pass before a route sees them. For every request: the
 * `Host` header names this server (DNS rebinding makes a web page's requests
 * arrive with the attacker's host name), a JSON content type on requests with
 * a body (a web page can post `text/plain` forms anywhere without asking:
 * CSRF), and the body size, checked on `content-length` and again while it
 * streams (413). For the API's routes, the bearer token when one is set,
 * compared in constant time (`/health` stays open for load balancers, and
 * connector webhooks check their own secret).
 */
export function createApiGuards(options: ApiGuardOptions): ApiGuards {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return {
    everyRequest: [
      checkHost(options),
      requireJson(),
      bodyLimit({
        maxSize: maxBodyBytes,
        onError: (c) => c.json({ error: `Request body larger than ${maxBodyBytes} bytes.` }, 413),
      }),
    ],
    apiRoutes: options.token ? [checkToken(options.token)] : [],
  };
}

function checkHost(options: ApiGuardOptions): MiddlewareHandler {
  const extra = new Set((options.allowedHosts ?? []).map((name) => name.toLowerCase()));
  const bound = options.host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  const allowed = (name: string) => {
    if (extra.has(name) || name === bound) return true;
    if (isLoopback(bound)) return isLoopback(name);
    // Bound to every interface, with a token required: any name that reaches us is ours, unless the operator lists them.
    return isWildcard(bound) && extra.size === 0;
  };
  return async (c, next) => {
    const name = hostName(c.req.header("host") ?? "");
    if (name === undefined || !allowed(name)) {
      return c.json({ error: "This host name is not served here (set TROUPE_ALLOWED_HOSTS to add one)." }, 403);
    }
    return next();
  };
}

function checkToken(token: string): MiddlewareHandler {
  const expected = digest(token);
  return async (c, next) => {
    const given = /^Bearer (.+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
    // Digests have one length, so timingSafeEqual never throws and the time says nothing about the token.
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      c.header("WWW-Authenticate", 'Bearer realm="troupe"');
      return c.json({ error: "Missing or wrong bearer token (Authorization: Bearer <TROUPE_API_TOKEN>)." }, 401);
    }
    return next();
  };
}

function requireJson(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD" || c.req.method === "OPTIONS") return next();
    const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (type !== "application/json") {
      return c.json({ error: "Expected Content-Type: application/json." }, 415);
    }
    return next();
  };
}

/** `example.com:3000` → `example.com`, `[::1]:3000` → `::1`; undefined for something that is no host. */
function hostName(header: string): string | undefined {
  const match = /^(?:\[([0-9a-f:.]+)\]|([^:[\]\s]+))(?::\d{1,5})?$/i.exec(header.trim());
  const name = match?.[1] ?? match?.[2];
  return name?.toLowerCase();
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}
