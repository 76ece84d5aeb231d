/** Who is to blame for an error: the user's input, Troupe itself, or a third party (model, platform). */
export type ErrorCategory = "USER" | "SYSTEM" | "THIRD_PARTY";

/**
 * Base class of every error Troupe throws on purpose. Each subclass lives in its
 * own file, carries structured fields and a stable `code` that callers can
 * switch on without parsing messages.
 */
export class TroupeError extends Error {
  readonly code: string;
  readonly category: ErrorCategory;

  constructor(options: { code: string; message: string; category?: ErrorCategory; cause?: unknown }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
    this.category = options.category ?? "SYSTEM";
  }

  /** True for any TroupeError, even one created by another copy of the package. */
  static isInstance(error: unknown): error is TroupeError {
    return error instanceof Error && typeof (error as { code?: unknown }).code === "string" && "category" in error;
  }
}
