import type { ServableAgent } from "../../src/bus/index.js";

/** An agent that answers every task with `answer(input)`, counting its calls. */
export function fakeAgent(
  name: string,
  capabilities: string[],
  answer: (input: string) => string | Promise<string>,
): ServableAgent & { calls: string[] } {
  const calls: string[] = [];
  return {
    name,
    calls,
    character: { capabilities: capabilities.map((capability) => ({ name: capability, description: "" })) },
    handle: async (message) => {
      calls.push(message.text);
      return { text: await answer(message.text) };
    },
  };
}
