import { type BaseMessage, type ToolCall, ToolMessage } from "@langchain/core/messages";
import { type ChatRunnable, type InvokeChatOptions, invokeChat, messageText } from "../model/index.js";
import type { Action, ActionContext } from "../plugins/index.js";
import { type ActionPolicy, type ActionRun, runActions } from "./run-actions.js";
import type { TurnTrace } from "./trace/turn-trace.js";

/** Tool-call rounds per message before the agent answers with what it has. */
const MAX_TOOL_STEPS = 4;

export interface GenerateWithActionsOptions {
  /** The chat model, with the actions bound as tools. */
  model: ChatRunnable;
  /** The prompt; the model's tool calls and their results are appended to it. */
  messages: BaseMessage[];
  call: InvokeChatOptions;
  actions: Map<string, Action>;
  /** What an action handler gets; asked for only when the model calls one (most answers call none). */
  ctx: () => ActionContext;
  policy: ActionPolicy;
  /** The turn's trace: the actions run go into it, and its logger is used. */
  trace: TurnTrace;
}

/** The model's answer, or an action that waits for the user's yes; with the actions run on the way. */
export type Generated =
  | { text: string; runs: ActionRun[]; needsConfirmation?: undefined }
  | { runs: ActionRun[]; needsConfirmation: { call: ToolCall; action: Action } };

/**
 * Steps 5 and 6 of the pipeline: calls the model, runs the actions it asks
 * for and hands their results back, until it answers (at most four rounds;
 * then the action results are the answer) or an action needs confirmation.
 */
export async function generateWithActions(options: GenerateWithActionsOptions): Promise<Generated> {
  const { model, messages, call, actions, ctx, policy, trace } = options;
  const runs: ActionRun[] = [];
  let context: ActionContext | undefined;
  for (let step = 0; ; step++) {
    const response = await invokeChat(model, messages, call);
    const calls = response.tool_calls ?? [];
    if (calls.length === 0 || step >= MAX_TOOL_STEPS) {
      // Out of steps while still calling tools: answer with what the actions found rather than nothing.
      return { text: messageText(response).trim() || runs.map((run) => run.result).join(" "), runs };
    }
    context ??= ctx();
    const outcome = await runActions(calls, actions, context, policy, trace);
    runs.push(...outcome.runs);
    if (outcome.needsConfirmation) return { runs, needsConfirmation: outcome.needsConfirmation };
    messages.push(response);
    calls.forEach((toolCall, i) => {
      const run = outcome.runs[i];
      messages.push(
        new ToolMessage({
          content: run?.result ?? "",
          tool_call_id: toolCall.id ?? `call_${i}`,
          status: run?.ok === false ? "error" : "success",
        }),
      );
    });
  }
}
