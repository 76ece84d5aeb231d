import { TroupeError } from "../../errors/index.js";

/** One agent that was asked and why it did not deliver. */
export interface FailedAttempt {
  agent: string;
  reason: string;
}

/** Every agent that was asked for a capability failed or timed out. */
export class DelegationFailedError extends TroupeError {
  readonly capability: string;
  readonly attempts: FailedAttempt[];

  constructor(options: { capability: string; attempts: FailedAttempt[] }) {
    const tried = options.attempts.map((attempt) => `${attempt.agent} (${attempt.reason})`).join(", ");
    super({
      code: "BUS_DELEGATION_FAILED",
      message: `Nobody could finish the '${options.capability}' task. Tried: ${tried}.`,
    });
    this.capability = options.capability;
    this.attempts = options.attempts;
  }
}
