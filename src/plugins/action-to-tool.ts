import { z } from "zod";
import type { Action } from "./action.js";

/** An OpenAI-format function tool, the shape LangChain's `bindTools` accepts from any provider. */
export interface FunctionTool {
  type: "function";
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

/**
 * Turns an action into a tool definition. Examples are appended to the
 * description as `Examples: "…"; "…"`, which real models read as guidance and
 * the offline model matches against.
 */
export function actionToTool(action: Action): FunctionTool {
  const examples = action.examples?.length
    ? `\nExamples: ${action.examples.map((example) => JSON.stringify(example)).join("; ")}`
    : "";
  return {
    type: "function",
    function: {
      name: action.name,
      description: `${action.description}${examples}`,
      parameters: z.toJSONSchema(action.parameters, { io: "input" }) as Record<string, unknown>,
    },
  };
}
