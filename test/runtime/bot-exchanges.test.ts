import { describe, expect, it } from "vitest";
import { type ConnectorPolicy, connectorPolicySchema, loadCharacter } from "../../src/character/index.js";
import type { Agent, InboundMessage } from "../../src/index.js";
import { captureLogs } from "../helpers/capture-logs.js";
import { startAgent } from "../helpers/offline-agent.js";
import { useTempDir } from "../helpers/temp-dir.js";

async function agentWithPolicy(dataDir: string, policy: Partial<ConnectorPolicy>) {
  const { character } = await loadCharacter("characters/host.json");
  const { logger, lines } = captureLogs();
  const withPolicy = { ...character, connectors: { chat: connectorPolicySchema.parse(policy) } };
  const agent = await startAgent(dataDir, withPolicy, undefined, logger);
  return { agent, reasons: () => lines.filter((line) => line.msg === "not answering").map((line) => line.reason) };
}

let sequence = 0;
function from(user: { id: string; name: string; isBot?: boolean }, text: string, room = "lounge"): InboundMessage {
  sequence += 1;
  return { platform: "chat", id: `m${sequence}`, room: { id: room, kind: "group" }, user, text };
}

const ada = { id: "ada", name: "Ada" };
const otherBot = { id: "bot-2", name: "Echo", isBot: true };

async function answered(agent: Agent, message: InboundMessage): Promise<boolean> {
  return (await agent.handle(message)) !== undefined;
}

describe("the decide step with other bots", () => {
  const tempDir = useTempDir();

  it("ignores another bot unless the character allows bots, and logs why at debug level", async () => {
    const { agent, reasons } = await agentWithPolicy(tempDir(), { respondTo: "all" });
    expect(await answered(agent, from(otherBot, "hello Juno"))).toBe(false);
    expect(reasons()).toEqual(["the sender is a bot (connectors.chat.allowBots is off)"]);
    expect(await answered(agent, from(ada, "hello Juno"))).toBe(true);
    await agent.stop();
  });

  it("answers at most three bot messages in a row in a room, then waits until a human speaks", async () => {
    const { agent, reasons } = await agentWithPolicy(tempDir(), { respondTo: "all", allowBots: true });
    expect(await answered(agent, from(ada, "Juno, say hello to Echo"))).toBe(true);
    const replies = [];
    for (let turn = 0; turn < 5; turn++) replies.push(await answered(agent, from(otherBot, `bot turn ${turn}`)));
    expect(replies).toEqual([true, true, true, false, false]);
    expect(reasons()).toEqual([
      "already answered 3 bot messages in a row in this room; waiting for a human",
      "already answered 3 bot messages in a row in this room; waiting for a human",
    ]);

    // Another room has a count of its own; a human speaking starts this room's count again.
    expect(await answered(agent, from(otherBot, "bot in another room", "kitchen"))).toBe(true);
    expect(await answered(agent, from(ada, "carry on, you two"))).toBe(true);
    expect(await answered(agent, from(otherBot, "bot again"))).toBe(true);
    await agent.stop();
  });

  it("takes its cap from maxBotExchanges", async () => {
    const { agent } = await agentWithPolicy(tempDir(), { respondTo: "all", allowBots: true, maxBotExchanges: 1 });
    expect(await answered(agent, from(otherBot, "first"))).toBe(true);
    expect(await answered(agent, from(otherBot, "second"))).toBe(false);
    await agent.stop();
  });

  it('stays silent in groups with respondTo "never" but still answers direct messages', async () => {
    const { agent, reasons } = await agentWithPolicy(tempDir(), { respondTo: "never" });
    expect(await answered(agent, from(ada, "Juno, are you there?"))).toBe(false);
    expect(reasons()).toEqual(['connectors.chat.respondTo is "never" in group rooms']);
    const direct = { ...from(ada, "hi Juno"), room: { id: "ada-dm", kind: "direct" as const } };
    expect(await answered(agent, direct)).toBe(true);
    await agent.stop();
  });

  it("says why it ignores an unaddressed group message", async () => {
    const { agent, reasons } = await agentWithPolicy(tempDir(), {});
    expect(await answered(agent, from(ada, "nice weather today"))).toBe(false);
    expect(reasons()).toEqual(["not addressed in a group room (no mention, no reply to it, not named)"]);
    await agent.stop();
  });
});
