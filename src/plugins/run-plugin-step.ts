import type { Logger } from "pino";
import type { PluginStep, StepContext } from "./plugin-step.js";
import { PluginTimeoutError } from "./plugin-timeout-error.js";

/**
 * Runs a plugin step with the same timeout and isolation as actions: a step
 * that throws or does not finish within `timeoutMs` is logged and skipped,
 * and the steps after it run as if it were not there. Time spent inside
 * `next` does not count towards the timeout, and `next` runs the rest once
 * however often it is called. A failure after the step (in `next`) is
 * rethrown: it is the agent's, not the plugin's.
 */
export async function runPluginStep(
  step: PluginStep,
  ctx: StepContext,
  next: () => Promise<void>,
  options: { timeoutMs: number; logger: Logger },
): Promise<void> {
  let downstream: Promise<void> | undefined;
  let downstreamFailure: { error: unknown } | undefined;
  let settled = false;
  let timer: NodeJS.Timeout | undefined;
  let expire: (error: Error) => void = () => {};
  const expired = new Promise<never>((_, reject) => {
    expire = reject;
  });
  const arm = () => {
    if (settled) return;
    timer = setTimeout(
      () => expire(new PluginTimeoutError({ what: `step ${step.name}`, ms: options.timeoutMs })),
      options.timeoutMs,
    );
  };
  const once = (): Promise<void> => {
    if (!downstream) {
      clearTimeout(timer);
      downstream = next().then(arm, (error: unknown) => {
        downstreamFailure = { error };
        arm();
        throw error;
      });
      // Observed below, once the step is done; until then a failure must not count as unhandled.
      downstream.catch(() => undefined);
    }
    return downstream;
  };
  arm();
  try {
    await Promise.race([Promise.resolve().then(() => step.run(ctx, once)), expired]);
  } catch (error) {
    if (!downstreamFailure || error !== downstreamFailure.error) {
      options.logger.warn({ err: error, step: step.name }, "step failed; skipped");
    }
  } finally {
    settled = true;
    clearTimeout(timer);
  }
  await once();
}
