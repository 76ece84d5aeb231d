import { describe, expect, it } from "vitest";
import type { DelegationRequest, LiveAgent } from "../../../src/bus/delegation/index.js";
import { createDelegateAction } from "../../../src/bus/delegation/index.js";
import type { InboundMessage } from "../../../src/connectors/index.js";
import type { ActionContext } from "../../../src/plugins/index.js";

function live(name: string, capabilities: Record<string, string>): LiveAgent {
  const offered = Object.entries(capabilities).map(([capability, description]) => ({ name: capability, description }));
  return { name, instances: 1, capabilities: offered, load: 0, stats: {} };
}

const JUNO = live("Juno", { conversation: "Friendly open-ended chat that keeps the conversation going." });
const THEO = live("Theo", {
  research: "Researches a question and explains the answer plainly.",
  summarise: "Condenses a text or a topic into a short summary or a few key points.",
});
const WREN = live("Wren", { write: "Writes short creative and practical pieces: stories, poems, slogans and cards." });

/** Runs the action for `text` with the model leaving the capability out, and returns what it asked the bus for. */
async function delegated(text: string, others: LiveAgent[], path?: string[]): Promise<DelegationRequest> {
  const message: InboundMessage = {
    platform: "test",
    room: { id: "room", kind: "direct" },
    user: { id: "ada", name: "Ada" },
    text,
    delegation: path && { path, traceId: "trace" },
  };
  const requests: DelegationRequest[] = [];
  const tool = createDelegateAction({
    agent: "Theo",
    others,
    message,
    delegate: async (request) => {
      requests.push(request);
      return {
        agent: "Wren",
        capability: request.capability,
        text: "done",
        attempts: 1,
        latencyMs: 1,
        taskId: "task-1",
      };
    },
  });
  await tool?.action.handler({} as ActionContext, { task: text });
  return requests[0] as DelegationRequest;
}

describe("the delegate action", () => {
  it("asks for the capability whose description fits the request, word forms included", async () => {
    const request = await delegated("Tell me a short story about a lighthouse.", [THEO, WREN]);
    expect(request.capability).toBe("write"); // "story" is one of the "stories" Wren writes
  });

  it("does not offer the capabilities of an agent that passed the request on", async () => {
    const request = await delegated("Let's keep the conversation going with a story", [JUNO, WREN], ["Juno"]);
    expect(request.capability).toBe("write");
    expect(request.path).toEqual(["Juno"]);
  });
});
