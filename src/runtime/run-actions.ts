import type { ToolCall } from "@langchain/core/messages";
import type { Logger } from "pino";
import type { Action, ActionContext } from "../plugins/index.js";

/** One action the agent ran while answering, with what it returned. */
export interface ActionRun {
  name: string;
  args: Record<string, unknown>;
  ok: boolean;
  result: string;
}

const ACTION_TIMEOUT_MS = 10_000;

/**
 * Step 6 of the pipeline: runs the tool calls the model asked for. An unknown
 * action, invalid arguments, a throw or a hang becomes a failed `ActionRun`
 * whose result tells the model what went wrong; it never escapes.
 */
export async function runActions(
  calls: ToolCall[],
  actions: Map<string, Action>,
  ctx: ActionContext,
  logger: Logger,
): Promise<ActionRun[]> {
  const runs: ActionRun[] = [];
  for (const call of calls) {
    const action = actions.get(call.name);
    if (!action) {
      runs.push({ name: call.name, args: call.args, ok: false, result: `There is no action named ${call.name}.` });
      continue;
    }
    const parsed = action.parameters.safeParse(call.args);
    if (!parsed.success) {
      runs.push({ name: call.name, args: call.args, ok: false, result: `Invalid arguments: ${parsed.error.message}` });
      continue;
    }
    try {
      const result = await withTimeout(Promise.resolve(action.handler(ctx, parsed.data)), ACTION_TIMEOUT_MS);
      runs.push({ name: call.name, args: call.args, ok: true, result: String(result) });
    } catch (error) {
      logger.warn({ err: error, action: call.name }, "action failed");
      runs.push({ name: call.name, args: call.args, ok: false, result: `The action ${call.name} failed.` });
    }
  }
  return runs;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
