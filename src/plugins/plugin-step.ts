import type { InboundMessage } from "../messages/index.js";
import type { ActionRun } from "./evaluator.js";
import type { PluginMemory, PluginRuntime } from "./plugin-runtime.js";

/** Where in an agent's pipeline a plugin step runs. */
export type StepPosition = "beforeGenerate" | "afterReply";

/** The step positions, in pipeline order. */
export const STEP_POSITIONS = ["beforeGenerate", "afterReply"] as const satisfies readonly StepPosition[];

/** What a plugin step gets: the runtime, the message being handled, memory, and the answer so far. */
export interface StepContext extends PluginRuntime {
  message: InboundMessage;
  /** The message's text, cleaned (control characters out, trimmed). */
  text: string;
  memory: PluginMemory;
  /**
   * The answer so far: undefined before generate unless a step answered; the
   * model's answer after `await next()` in a step before generate; what went
   * out in a step after reply.
   */
  readonly reply: { readonly text: string; readonly actions: readonly ActionRun[] } | undefined;
  /**
   * Answers with `text` instead of the model. Before generate, the model is
   * then never called (return without `next`, or call it: recall, compose,
   * generate and act are skipped either way); after `await next()`, it
   * replaces the model's answer. The answer is recorded and reflected on
   * like any other. Throws after the reply step, when the answer is out.
   */
  respond(text: string): void;
}

/**
 * A step a plugin adds to every message's pipeline, composed like Hono or
 * grammY middleware: `run` gets the context and `next`, which runs the steps
 * after it. `beforeGenerate` steps run once the agent has decided to answer,
 * before recall, compose and generate (moderation, rate limits); returning
 * without `next` skips them. `afterReply` steps run once the reply is
 * recorded, before the agent reflects. A step that throws or runs longer than
 * the plugin timeout (time inside `next` does not count) is logged and
 * skipped; the agent keeps serving.
 *
 * @example
 * const moderation: PluginStep = {
 *   name: "moderation",
 *   at: "beforeGenerate",
 *   run: (ctx, next) => (/\bforbidden\b/i.test(ctx.text) ? ctx.respond("I won't discuss that.") : next()),
 * };
 */
export interface PluginStep {
  /** Names the step in logs; unique among the character's plugins. */
  name: string;
  at: StepPosition;
  run(ctx: StepContext, next: () => Promise<void>): void | Promise<void>;
}
