import { z } from "zod";
import { CliError } from "./cli-error.js";

const configSchema = z.object({
  TROUPE_DATA_DIR: z.string().min(1).default("./data"),
  TROUPE_HOST: z.string().min(1).default("127.0.0.1"),
  TROUPE_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Bearer token the HTTP API asks for; required to bind beyond loopback. */
  TROUPE_API_TOKEN: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().min(16, "expected at least 16 characters").optional(),
  ),
  /** Extra names the API's Host header may carry, comma-separated. */
  TROUPE_ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((names) =>
      (names ?? "")
        .split(",")
        .map((name) => name.trim())
        .filter((name) => name !== ""),
    ),
  /** Largest HTTP request body, in bytes. */
  TROUPE_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(64 * 1024),
  /** How often the vector index files are saved while running (a crash costs at most this much indexing); 0: only at stop. */
  TROUPE_WORKFLOWS_DIR: z.string().min(1).default("workflows"),
  TROUPE_INDEX_SAVE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  /** Memories a shelf holds before it gets an hnswlib index (2.5 MB each, however small); compared one by one until then. */
  TROUPE_EXACT_SEARCH_UP_TO: z.coerce.number().int().min(0).max(100_000).default(1024),
  /** After a crash, how far back (seconds) each bot answers the messages it acknowledged and did not answer; 0: none. */
  TROUPE_ANSWER_MISSED_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  /** How much lower a priority (a nice value) V8's helper threads get than the thread that answers (Linux); 0: the same. */
  TROUPE_BACKGROUND_NICE: z.coerce.number().int().min(0).max(19).default(10),
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
