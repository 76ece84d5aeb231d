/**
 * The HTTP API (Hono on Node): the port, /health, /ready, /metrics, the
 * traces of recent messages, the connectors' webhooks and the HTTP
 * connector's conversation routes mounted beside them, behind guards for a
 * hostile network and hostile web pages (host check, JSON only, body limit,
 * bearer token beyond loopback).
 */
export { type ApiGuardOptions, type ApiGuards, createApiGuards, DEFAULT_MAX_BODY_BYTES } from "./api-guard.js";
export { type AppOptions, createApp } from "./create-app.js";
export { isLoopback, isWildcard } from "./is-loopback.js";
export { createTroupeMetrics, metricsOf, type TroupeMetrics } from "./metrics/index.js";
export { type RunningServer, serve } from "./serve.js";
export { ServeError } from "./serve-error.js";
