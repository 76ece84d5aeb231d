/**
 * Errors: one base class (`TroupeError`) with a stable `code` and a category,
 * and one file per error kind in the subsystem that throws it; and the one
 * redactor every log line and printed error passes through (`redactSecrets`).
 */

export { redactSecrets, rememberEnvSecrets, rememberSecret } from "./redact-secrets.js";
export { type ErrorCategory, TroupeError } from "./troupe-error.js";
