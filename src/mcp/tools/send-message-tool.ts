import { randomUUID } from "node:crypto";
import { z } from "zod";
import { cleanMessageText } from "../../connectors/index.js";
import { AgentPausedError } from "../../runtime/index.js";
import { findAgent, mcpUser } from "../find-agent.js";
import { defineTroupeTool } from "../troupe-tool.js";

/** `send_message`: talk to an agent as a user, in a direct room of that user, and get the reply. */
export const sendMessageTool = defineTroupeTool({
  name: "send_message",
  title: "Send a message to an agent",
  description:
    "Send a chat message to one of the troupe's agents as a user and get the agent's in-character reply. The agent remembers the conversation per user.",
  input: {
    agent: z.string().min(1).max(100).describe("the agent's name, e.g. Juno"),
    user: z.string().min(1).max(200).describe("who is speaking: a name (kept as mcp:<name>) or a stored user id"),
    text: z.string().min(1).max(16_000).describe("the message"),
  },
  async run({ troupe }, { agent: name, user, text }) {
    const agent = findAgent(troupe, name);
    // Paused as over HTTP: the message is not taken, and the client hears why.
    if (troupe.slot(agent.name)?.paused) throw new AgentPausedError({ agent: agent.name });
    const speaker = mcpUser(user);
    const reply = await agent.handle({
      platform: "mcp",
      id: randomUUID(),
      room: { id: speaker.id, kind: "direct" },
      user: speaker,
      text: cleanMessageText(text),
      receivedAt: Date.now(),
    });
    const actions = reply?.actions.map((run) => ({ name: run.name, ok: run.ok })) ?? [];
    return {
      text: reply?.text ?? `${agent.name} did not answer.`,
      data: { agent: agent.name, reply: reply?.text ?? null, actions },
    };
  },
});
