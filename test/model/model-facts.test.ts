import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { userScope } from "../../src/memory/index.js";
import { type FakeOpenAIServer, startFakeOpenAIServer } from "../fakes/openai-server.js";
import { useTempDir } from "../helpers/temp-dir.js";
import { createRemoteAgent, direct } from "./remote-agent.js";

describe("facts read by a real model", () => {
  const tempDir = useTempDir();
  let fake: FakeOpenAIServer;
  beforeEach(async () => {
    fake = await startFakeOpenAIServer();
  });
  afterEach(() => fake.close());

  it("records a fact the patterns miss, asked for through structured output after the reply", async () => {
    const agent = await createRemoteAgent(tempDir(), fake);
    fake.script(
      "chat",
      { kind: "reply", text: "Quito! Up in the clouds." },
      { kind: "tool-call", name: "record_facts", args: { facts: [{ key: "Lives in", value: "Quito" }] } },
    );
    const reply = await agent.handle(direct("These days home for me is Quito, high up in the Andes."));
    await agent.settle();
    expect(reply?.text).toBe("Quito! Up in the clouds.");
    expect(agent.working.get(userScope("ada")).facts["lives in"]).toBe("Quito");
    const asked = fake.requests.filter((request) => request.endpoint === "chat")[1];
    expect(asked?.body.tools?.[0]?.function.name).toBe("record_facts");
    await agent.stop();
  });

  it("asks nothing about a message that says nothing about the user, and survives a failed answer", async () => {
    const agent = await createRemoteAgent(tempDir(), fake);
    fake.script("chat", { kind: "reply", text: "It is." });
    await agent.handle(direct("Nice weather today."));
    await agent.settle();
    expect(fake.requests.filter((request) => request.endpoint === "chat")).toHaveLength(1);

    fake.script("chat", { kind: "reply", text: "Noted." }, { kind: "malformed" }, { kind: "malformed" });
    await agent.handle(direct("My sister says hi."));
    await agent.settle();
    expect(agent.working.get(userScope("ada")).facts).toEqual({});
    await agent.stop();
  });
});
