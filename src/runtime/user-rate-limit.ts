import { RateLimitSettingError } from "./rate-limit-setting-error.js";

/** How many messages one user may send one agent in a window. */
export interface RateLimitSettings {
  messages: number;
  windowMs: number;
}

/** 30 messages a minute: more than anyone types, far less than a script floods. */
export const DEFAULT_RATE_LIMIT: RateLimitSettings = { messages: 30, windowMs: 60_000 };

/** `allow`: handle it; `refuse`: answer with the polite refusal (once a window); `drop`: ignore it. */
export type RateDecision = "allow" | "refuse" | "drop";

/** Windows kept before expired ones are swept, so a crowd of one-message users costs bounded memory. */
const SWEEP_AT = 10_000;

/**
 * Per-user message budget of one agent, in fixed windows: within budget a
 * message is handled; the first one over it is answered with a refusal, the
 * rest of the window's are dropped before they reach the pipeline, so one
 * user's flood costs others almost nothing.
 */
export class UserRateLimit {
  private readonly windows = new Map<string, { start: number; count: number; refused: boolean }>();

  constructor(
    private readonly settings: RateLimitSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one message of `userId` and says what to do with it. */
  take(userId: string): RateDecision {
    const now = this.now();
    let window = this.windows.get(userId);
    if (window === undefined || now - window.start >= this.settings.windowMs) {
      if (this.windows.size >= SWEEP_AT) this.sweep(now);
      window = { start: now, count: 0, refused: false };
      this.windows.set(userId, window);
    }
    if (window.count < this.settings.messages) {
      window.count++;
      return "allow";
    }
    if (window.refused) return "drop";
    window.refused = true;
    return "refuse";
  }

  private sweep(now: number): void {
    for (const [userId, window] of this.windows) {
      if (now - window.start >= this.settings.windowMs) this.windows.delete(userId);
    }
  }
}

/**
 * Reads `TROUPE_RATE_LIMIT`: `<messages>/<seconds>s` (`30/60s`, the default
 * when unset), or `off`. Returns undefined for `off`; throws a one-line error
 * naming the variable for anything else.
 */
export function readRateLimit(value: string | undefined): RateLimitSettings | undefined {
  const text = (value ?? "").trim();
  if (text === "") return DEFAULT_RATE_LIMIT;
  if (text === "off") return undefined;
  const match = /^(\d+)\s*\/\s*(\d+)s$/.exec(text);
  const messages = Number(match?.[1]);
  const seconds = Number(match?.[2]);
  if (!match || messages < 1 || seconds < 1) throw new RateLimitSettingError({ value: text });
  return { messages, windowMs: seconds * 1000 };
}

/** What a user over the limit hears, once a window: polite, and saying what to do. */
export function rateLimitRefusal(userName: string): string {
  return `${userName}, you're sending messages faster than I can answer. Give me a minute, then ask again.`;
}
