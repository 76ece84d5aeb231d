import type { FileReport, JsonPath } from "./file-report.js";

/** Where `${VAR}` references are looked up; `process.env` by default. */
export type Env = Record<string, string | undefined>;

/**
 * Returns a copy of `value` with every `${VAR}` inside its strings replaced from
 * `env`, however deep. An unset variable becomes "" with a warning that names
 * the variable, never a value.
 */
export function resolveEnv(value: unknown, path: JsonPath, env: Env, report: FileReport): unknown {
  if (typeof value === "string") {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_match, name: string) => {
      const resolved = env[name];
      if (resolved !== undefined) return resolved;
      report.warn(path, `environment variable ${name} is not set; using ""`);
      return "";
    });
  }
  if (Array.isArray(value)) return value.map((item, index) => resolveEnv(item, [...path, index], env, report));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveEnv(item, [...path, key], env, report)]),
    );
  }
  return value;
}
