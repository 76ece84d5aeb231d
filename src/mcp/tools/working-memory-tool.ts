import { z } from "zod";
import { userScope } from "../../memory/index.js";
import { findAgent, mcpUser } from "../find-agent.js";
import { defineTroupeTool } from "../troupe-tool.js";

/** `read_working_memory`: what an agent keeps about one user (profile facts, goals), as stored. */
export const workingMemoryTool = defineTroupeTool({
  name: "read_working_memory",
  title: "Read what an agent knows about a user",
  description: "Read an agent's working memory of one user: the profile facts and goals it keeps about them.",
  input: {
    agent: z.string().min(1).max(100),
    user: z.string().min(1).max(200).describe("a name (mcp:<name>) or a stored user id"),
  },
  async run({ troupe }, { agent: name, user }) {
    const agent = findAgent(troupe, name);
    const userId = mcpUser(user).id;
    const document = agent.working.get(userScope(userId));
    return { text: JSON.stringify(document, null, 2), data: { agent: agent.name, user: userId, memory: document } };
  },
});
