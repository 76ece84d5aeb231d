/**
 * The HTTP API (Hono on Node): health and a message endpoint per agent. The
 * web UI, server-sent events and /metrics join it later.
 */
export { createApp } from "./create-app.js";
export { type RunningServer, serve } from "./serve.js";
export { ServeError } from "./serve-error.js";
