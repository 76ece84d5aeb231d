import { z } from "zod";
import { searchMemories } from "../../memory/index.js";
import { findAgent, mcpUser } from "../find-agent.js";
import { defineTroupeTool } from "../troupe-tool.js";

/** `search_memory`: what an agent recalls for a query, conversation and knowledge, best first. */
export const searchMemoryTool = defineTroupeTool({
  name: "search_memory",
  title: "Search an agent's memory",
  description:
    "Search an agent's long-term memory (what was said, facts learned, knowledge) the way the agent recalls it, best first. Give a user to include that user's private memories.",
  input: {
    agent: z.string().min(1).max(100),
    query: z.string().min(1).max(2000),
    user: z.string().min(1).max(200).optional().describe("a name (mcp:<name>) or a stored user id"),
    k: z.number().int().min(1).max(50).default(8),
  },
  async run({ troupe }, { agent: name, query, user, k }) {
    const agent = findAgent(troupe, name);
    const scope = { k, userId: user === undefined ? undefined : mcpUser(user).id };
    agent.commitWaiting();
    const memories = await searchMemories(agent.longTerm, query, scope);
    const found = memories.map((memory) => ({
      id: memory.id,
      kind: memory.kind,
      score: memory.score,
      text: memory.text,
    }));
    const text = found.length
      ? found.map((memory) => `- (${memory.kind}, ${memory.score.toFixed(2)}) ${memory.text}`).join("\n")
      : `${agent.name} recalls nothing for that.`;
    return { text, data: { agent: agent.name, memories: found } };
  },
});
