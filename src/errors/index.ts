/**
 * Errors: one base class (`TroupeError`) with a stable `code` and a category,
 * and one file per error kind in the subsystem that throws it.
 */
export { type ErrorCategory, TroupeError } from "./troupe-error.js";
