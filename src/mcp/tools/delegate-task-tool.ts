import { z } from "zod";
import { defineTroupeTool } from "../troupe-tool.js";

/** `delegate_task`: hands a task to the best live agent with a capability, over the bus. */
export const delegateTaskTool = defineTroupeTool({
  name: "delegate_task",
  title: "Delegate a task by capability",
  description:
    "Hand a task to whichever live agent can do a capability (e.g. research, write), as agents do among themselves, and get its answer.",
  input: {
    capability: z.string().min(1).max(100),
    input: z.string().min(1).max(16_000).describe("the task, in words"),
    timeoutMs: z
      .number()
      .int()
      .min(100)
      .max(120_000)
      .optional()
      .describe("time one agent gets before the next is tried"),
  },
  async run({ troupe }, { capability, input, timeoutMs }) {
    const result = await troupe.node.delegator.delegate({ capability, input, from: "mcp", timeoutMs });
    return { text: `${result.agent}: ${result.text}`, data: { ...result } };
  },
});
