import { z } from "zod";
import { addKnowledgeDocument } from "../../memory/index.js";
import { findAgent } from "../find-agent.js";
import { defineTroupeTool } from "../troupe-tool.js";

/** `store_knowledge`: a piece of knowledge an agent draws on from now on, for every user. */
export const storeKnowledgeTool = defineTroupeTool({
  name: "store_knowledge",
  title: "Teach an agent something",
  description:
    "Store a piece of knowledge for an agent (a fact, a note, a document's text); the agent recalls it when it is relevant, for every user.",
  input: {
    agent: z.string().min(1).max(100),
    text: z.string().min(1).max(200_000),
    title: z.string().min(1).max(200).describe("a short title; storing again under the same title replaces it"),
  },
  async run({ troupe }, { agent: name, text, title }) {
    const agent = findAgent(troupe, name);
    const document = { name: `mcp:${title}`, text };
    // The same title again replaces what was stored under it; the same text again changes nothing.
    const report = addKnowledgeDocument(agent.longTerm, document);
    await agent.longTerm.flush();
    const chunks = report.added;
    const answer = report.unchanged
      ? `${agent.name} already knew that.`
      : `${agent.name} now knows it (${chunks} ${chunks === 1 ? "piece" : "pieces"}).`;
    return { text: answer, data: { agent: agent.name, ...report } };
  },
});
