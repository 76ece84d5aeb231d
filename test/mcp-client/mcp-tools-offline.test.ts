import { createTestAgent, type TestAgent } from "troupe/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notesServer } from "./notes-server.js";

describe("an MCP server's tools as the actions of an agent on the offline model", () => {
  const notes = notesServer({ tools: ["read_note"] });
  let agent: TestAgent;

  beforeAll(async () => {
    agent = await createTestAgent({ character: { name: "Sage", mcp: [notes.config] } });
  });
  afterAll(async () => {
    await agent.stop();
    notes.remove();
  });

  it("calls the tool a chat message asks for, with the argument taken from the message, and answers with its result", async () => {
    const reply = await agent.send('read my note called "garden"');
    expect(reply.actions).toEqual([
      expect.objectContaining({ name: "notes_read_note", args: { title: "garden" }, ok: true }),
    ]);
    expect(reply.text).toContain("water the tomatoes on Thursday");
  });

  it("turns a tool error into a polite failure and keeps answering", async () => {
    const reply = await agent.send('read my note called "taxes"');
    expect(reply.actions).toEqual([expect.objectContaining({ name: "notes_read_note", ok: false })]);
    expect(reply.text).toMatch(/didn't (?:work|go through)/);
    const next = await agent.send('read my note called "books"');
    expect(next.text).toContain("return Middlemarch to the library");
  });
});
