import type { ToolCall } from "@langchain/core/messages";
import { z } from "zod";
import { redactSecrets } from "../errors/index.js";
import { type Action, type ActionContext, type ActionRun, withTimeout } from "../plugins/index.js";
import type { TurnTrace } from "./trace/turn-trace.js";

export type { ActionRun } from "../plugins/index.js";

/** Who is asking, which decides what they may run. */
export interface ActionPolicy {
  /** The user is listed in the character's admins for the message's platform. */
  isAdmin: boolean;
  /** The user already said yes to this call (skips the confirmation question). */
  confirmed?: boolean;
  timeoutMs: number;
}

/** What running the model's tool calls produced: the runs, and a call that needs the user's yes first. */
export interface ActionOutcome {
  runs: ActionRun[];
  needsConfirmation?: { call: ToolCall; action: Action };
}

/** The longest result text handed back to the model. */
const MAX_RESULT_CHARS = 4000;
const resultSchema = z.union([z.string(), z.object({ text: z.string() })]);

/**
 * Step 6 of the pipeline: runs the tool calls the model asked for. An unknown
 * action, invalid arguments, a refused user, a throw, a hang or a result that
 * is neither text nor `{ text }` becomes a failed `ActionRun` whose result
 * politely says what went wrong; it is logged and never escapes. A call to an
 * action that needs confirmation stops the round and is returned instead.
 * Each call goes into the turn's trace with its time, and the real error
 * (secrets redacted) where the user's result only apologises.
 */
export async function runActions(
  calls: ToolCall[],
  actions: Map<string, Action>,
  ctx: ActionContext,
  policy: ActionPolicy,
  trace: TurnTrace,
): Promise<ActionOutcome> {
  const runs: ActionRun[] = [];
  for (const call of calls) {
    const started = performance.now();
    const startedAt = Date.now();
    const failed = (result: string, error = result) => {
      runs.push({ name: call.name, args: call.args, ok: false, result });
      const durationMs = performance.now() - started;
      trace.tools.push({ name: call.name, args: call.args, error, startedAt, durationMs });
    };
    const action = actions.get(call.name);
    if (!action) {
      failed(`There is no action named ${call.name}.`);
      continue;
    }
    const parsed = action.parameters.safeParse(call.args);
    if (!parsed.success) {
      failed(`Invalid arguments for ${call.name}: ${z.prettifyError(parsed.error)}`);
      continue;
    }
    if (action.admin && !policy.isAdmin) {
      failed(`Sorry, only an admin of ${ctx.agent.name} may use ${call.name}.`);
      continue;
    }
    if (action.confirm && !policy.confirmed) {
      trace.note(`${call.name} waits for the user's yes`);
      return { runs, needsConfirmation: { call, action } };
    }
    const where = { action: call.name, room: ctx.message.room.id, user: ctx.message.user.id };
    try {
      const what = `action ${call.name}`;
      if (action.validate && !(await withTimeout(() => action.validate?.(ctx, parsed.data), policy.timeoutMs, what))) {
        failed(`${call.name} does not apply to this request.`);
        continue;
      }
      const value = await withTimeout(() => action.handler(ctx, parsed.data), policy.timeoutMs, what);
      const result = resultSchema.safeParse(value);
      if (!result.success) {
        trace.logger.warn({ ...where, returned: typeof value }, "action returned neither text nor { text }");
        failed(`Sorry, ${call.name} gave an answer I could not read.`);
        continue;
      }
      const text = typeof result.data === "string" ? result.data : result.data.text;
      const kept = text.slice(0, MAX_RESULT_CHARS);
      runs.push({ name: call.name, args: call.args, ok: true, result: kept });
      const durationMs = performance.now() - started;
      trace.tools.push({ name: call.name, args: call.args, result: kept, startedAt, durationMs });
    } catch (error) {
      trace.logger.warn({ err: error, ...where }, "action failed");
      const reason = redactSecrets(error instanceof Error ? error.message : String(error));
      failed(`Sorry, ${call.name} ran into a problem and could not finish.`, reason);
    }
  }
  return { runs };
}
