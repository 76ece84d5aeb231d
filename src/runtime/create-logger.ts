import { createRequire } from "node:module";
import pino, { type DestinationStream, type Logger } from "pino";
import { redactSecrets, rememberEnvSecrets } from "../errors/index.js";

export type { Logger } from "pino";

/** Options of `createLogger`. */
export interface CreateLoggerOptions {
  /** Default `info`. */
  level?: string;
  /** `pretty`: short coloured lines; `json`: one JSON object a line. Default: pretty on a terminal, else JSON (`LOG_FORMAT`). */
  format?: "pretty" | "json";
}

/**
 * The process logger, on standard error (standard output belongs to the
 * chat and to command output): short readable lines when standard error is
 * a terminal, JSON lines otherwise or with `LOG_FORMAT=json`. Fields that
 * may hold secrets are redacted wherever they appear, and every line passes
 * `redactSecrets`, which knows the environment's secrets.
 */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  rememberEnvSecrets(process.env);
  const format = options.format ?? readFormat(process.env.LOG_FORMAT) ?? (process.stderr.isTTY ? "pretty" : "json");
  return pino(
    {
      level: options.level ?? "info",
      base: undefined,
      // The one place every line passes: secret values, URL passwords and bearer tokens never reach the log.
      hooks: { streamWrite: redactSecrets },
      redact: {
        paths: [
          "apiKey",
          "token",
          "secrets",
          "*.apiKey",
          "*.token",
          "*.secrets",
          "*.password",
          "headers.authorization",
        ],
        censor: "[redacted]",
      },
    },
    format === "pretty" ? prettyDestination() : pino.destination({ fd: 2, sync: true }),
  );
}

function readFormat(value: string | undefined): "pretty" | "json" | undefined {
  return value === "pretty" || value === "json" ? value : undefined;
}

/** pino-pretty, loaded only when lines are to be pretty, so JSON logging never pays for it. */
function prettyDestination(): DestinationStream {
  const require = createRequire(import.meta.url);
  const pretty = require("pino-pretty") as (options: Record<string, unknown>) => DestinationStream;
  return pretty({
    destination: 2,
    sync: true,
    colorize: true,
    translateTime: "HH:MM:ss",
    ignore: "pid,hostname,agent",
    messageFormat: "{if agent}[{agent}] {end}{msg}",
  });
}
