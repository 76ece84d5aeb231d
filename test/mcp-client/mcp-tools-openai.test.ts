import { createTestAgent, type TestAgent } from "troupe/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeOpenAIServer, startFakeOpenAIServer } from "../fakes/openai-server.js";
import { notesServer } from "./notes-server.js";

describe("an MCP server's tools called by a real model's tool calls (fake OpenAI server)", () => {
  const notes = notesServer({ tools: ["read_note"] });
  let fake: FakeOpenAIServer;
  let agent: TestAgent;

  beforeAll(async () => {
    fake = await startFakeOpenAIServer();
    agent = await createTestAgent({
      character: {
        name: "Sage",
        mcp: [notes.config],
        model: { provider: "openai-compatible", baseUrl: fake.url, apiKey: "test-key", model: "gpt-test" },
      },
    });
  });
  afterAll(async () => {
    await agent.stop();
    await fake.close();
    notes.remove();
  });

  it("hands the allowed tools to the model with the server's JSON schema, and runs the tool the model calls", async () => {
    fake.script(
      "chat",
      { kind: "tool-call", name: "notes_read_note", args: { title: "groceries" } },
      { kind: "reply", text: "You need eggs, flour and a lemon." },
    );
    const reply = await agent.send("what was on my shopping list again?");
    expect(reply.text).toBe("You need eggs, flour and a lemon.");
    expect(reply.actions).toEqual([
      expect.objectContaining({
        name: "notes_read_note",
        ok: true,
        result: "The groceries note says: eggs, flour and a lemon",
      }),
    ]);

    const chats = fake.requests.filter((request) => request.endpoint === "chat");
    const tools = chats.at(-2)?.body.tools as {
      function: { name: string; description: string; parameters: unknown };
    }[];
    // save_note is on the server but not in the character's allowlist.
    expect(tools.map((tool) => tool.function.name)).toEqual(["notes_read_note"]);
    expect(tools[0]?.function.description).toMatch(/^Read one of the saved notes by its title\./);
    expect(tools[0]?.function.parameters).toMatchObject({
      type: "object",
      properties: { title: { type: "string", description: "the note's title" } },
      required: ["title"],
    });
    // The tool's answer went back to the model as the tool message.
    const toolMessages = (chats.at(-1)?.body.messages ?? []).filter((message) => message.role === "tool");
    expect(toolMessages.map((message) => message.content)).toEqual([
      "The groceries note says: eggs, flour and a lemon",
    ]);
  });

  it("refuses a call whose arguments do not fit the server's schema before it reaches the server", async () => {
    fake.script(
      "chat",
      { kind: "tool-call", name: "notes_read_note", args: { title: 42 } },
      { kind: "reply", text: "I could not read it." },
    );
    const reply = await agent.send("read the note");
    expect(reply.actions).toEqual([expect.objectContaining({ name: "notes_read_note", ok: false })]);
    expect(reply.actions[0]?.result).toMatch(/^Invalid arguments for notes_read_note/);
  });
});

describe("an MCP tool that takes longer than its server's timeoutMs", () => {
  const notes = notesServer({ tools: ["slow_echo"], timeoutMs: 300 });
  let fake: FakeOpenAIServer;
  let agent: TestAgent;

  beforeAll(async () => {
    fake = await startFakeOpenAIServer();
    agent = await createTestAgent({
      character: {
        name: "Sage",
        mcp: [notes.config],
        model: { provider: "openai-compatible", baseUrl: fake.url, apiKey: "test-key", model: "gpt-test" },
      },
    });
  });
  afterAll(async () => {
    await agent.stop();
    await fake.close();
    notes.remove();
  });

  it("is given up on with a polite failure, and the server's next call still works", async () => {
    fake.script(
      "chat",
      { kind: "tool-call", name: "notes_slow_echo", args: { text: "late", seconds: 5 } },
      { kind: "reply", text: "That took too long." },
      { kind: "tool-call", name: "notes_slow_echo", args: { text: "quick", seconds: 0 } },
      { kind: "reply", text: "Done." },
    );
    const slow = await agent.send("echo late, slowly");
    expect(slow.actions).toEqual([
      expect.objectContaining({
        name: "notes_slow_echo",
        ok: false,
        result: "Sorry, notes_slow_echo ran into a problem and could not finish.",
      }),
    ]);
    const quick = await agent.send("echo quick");
    expect(quick.actions).toEqual([expect.objectContaining({ name: "notes_slow_echo", ok: true, result: "quick" })]);
  });
});
