import { z } from "zod";
import { CliError } from "./cli-error.js";

const configSchema = z.object({
  TROUPE_DATA_DIR: z.string().min(1).default("./data"),
  TROUPE_HOST: z.string().min(1).default("127.0.0.1"),
  TROUPE_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Unset: `info` for `troupe start`, `warn` for `troupe chat`. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
});

/** Process-wide settings from the environment (and `.env`), with defaults. */
export type Config = z.infer<typeof configSchema>;

/** Reads the settings, naming the variable and what was expected when one is wrong. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  throw new CliError("INVALID_ENV", `Invalid environment: ${problems.join("; ")}`);
}
