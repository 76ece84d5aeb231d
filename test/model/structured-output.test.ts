import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { loadCharacter } from "../../src/character/index.js";
import { createModels, generateStructured } from "../../src/model/index.js";
import { type FakeOpenAIServer, startFakeOpenAIServer } from "../fakes/openai-server.js";
import { fakeEnv } from "./remote-agent.js";

const factsSchema = z.object({ facts: z.array(z.object({ key: z.string(), value: z.string() })) });
const prompt = [
  new SystemMessage("Extract facts the user states about themselves."),
  new HumanMessage("I live in Lima."),
];

describe("structured answers for evaluators", () => {
  let fake: FakeOpenAIServer;
  beforeEach(async () => {
    fake = await startFakeOpenAIServer();
  });
  afterEach(() => fake.close());

  const setup = async (env: Record<string, string> = {}) => {
    const models = await createModels((await loadCharacter("characters/host.json")).character, fakeEnv(fake, env));
    return (answer: Parameters<FakeOpenAIServer["script"]>[1][]) => {
      fake.script("chat", ...answer);
      return generateStructured(models.chat, factsSchema, prompt, { name: "extract_facts", guard: models.guard });
    };
  };
  const chats = () => fake.requests.filter((request) => request.endpoint === "chat");

  it("returns the answer parsed by the zod schema, asked for as a function call", async () => {
    const ask = await setup();
    const facts = await ask([
      { kind: "tool-call", name: "extract_facts", args: { facts: [{ key: "city", value: "Lima" }] } },
    ]);
    expect(facts).toEqual({ facts: [{ key: "city", value: "Lima" }] });
    expect(chats()[0]?.body.tools?.[0]?.function.name).toBe("extract_facts");
  });

  it("asks once more after a malformed answer", async () => {
    const ask = await setup();
    const facts = await ask([
      { kind: "tool-call", name: "extract_facts", args: { facts: "Lima" } },
      { kind: "tool-call", name: "extract_facts", args: { facts: [{ key: "city", value: "Lima" }] } },
    ]);
    expect(facts?.facts[0]?.value).toBe("Lima");
    expect(chats()).toHaveLength(2);
  });

  it("skips the step after two malformed answers, or when the server is down", async () => {
    const ask = await setup({ TROUPE_MODEL_RETRIES: "0" });
    const wrong = { kind: "tool-call" as const, name: "extract_facts", args: { facts: 42 } };
    expect(await ask([wrong, wrong, wrong])).toBeUndefined();
    expect(chats()).toHaveLength(2);
    fake.fail(500);
    expect(await ask([])).toBeUndefined();
  });
});
