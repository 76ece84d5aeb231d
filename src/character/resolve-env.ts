import type { FileReport, JsonPath } from "./file-report.js";
import { isEnvAllowed, type OperatorPolicy } from "./operator-policy.js";

/** Where `${VAR}` references are looked up; `process.env` by default. */
export type Env = Record<string, string | undefined>;

/** Where a character may name an environment variable: values that are secrets, never URLs or paths. */
export const SECRET_PLACES = "secrets, settings.secrets or model.apiKey";

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Returns a copy of `value` with every `${VAR}` inside its strings replaced from
 * `env`, however deep. A character file comes from a stranger, so a reference
 * is a problem unless it fills a secret (`secrets`, `settings.secrets`,
 * `model.apiKey`: never a URL that would carry the value to any server) and
 * names a variable the operator allows (`TROUPE_ALLOW_ENV`). An allowed but
 * unset variable becomes "" with a warning. Messages name the variable, never
 * a value.
 */
export function resolveEnv(
  value: unknown,
  path: JsonPath,
  env: Env,
  report: FileReport,
  policy: OperatorPolicy,
): unknown {
  if (typeof value === "string") {
    return value.replace(REFERENCE, (match, name: string) => {
      if (!isSecretPlace(path)) {
        report.problemText(path, `expected no environment variable here (only in ${SECRET_PLACES})`, match);
        return "";
      }
      if (!isEnvAllowed(policy, name)) {
        report.problemText(path, `expected a variable the operator allows in TROUPE_ALLOW_ENV`, match);
        return "";
      }
      const resolved = env[name];
      if (resolved !== undefined) return resolved;
      report.warn(path, `environment variable ${name} is not set; using ""`);
      return "";
    });
  }
  if (Array.isArray(value)) return value.map((item, index) => resolveEnv(item, [...path, index], env, report, policy));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveEnv(item, [...path, key], env, report, policy)]),
    );
  }
  return value;
}

function isSecretPlace(path: JsonPath): boolean {
  if (path[0] === "secrets") return path.length >= 2;
  if (path[0] === "settings" && path[1] === "secrets") return path.length >= 3;
  return path[0] === "model" && path[1] === "apiKey" && path.length === 2;
}
