import pino, { type Logger } from "pino";

export type { Logger } from "pino";

/**
 * The process logger: JSON lines on standard error (standard output belongs
 * to the chat and to command output). Fields that may hold secrets are
 * redacted wherever they appear.
 */
export function createLogger(options: { level?: string } = {}): Logger {
  return pino(
    {
      level: options.level ?? "info",
      base: undefined,
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
    pino.destination({ fd: 2, sync: true }),
  );
}
