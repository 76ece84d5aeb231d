import { describe, expect, it } from "vitest";
import { type ApiFixture, characterJson, useApi } from "./api-harness.js";

const startApi = useApi();

interface Memory {
  id: number;
  kind: string;
  text: string;
  user: string | null;
  score?: number;
}

async function talkedTo(): Promise<ApiFixture> {
  const api = await startApi({ juno: characterJson("Juno", "Juno hosts.") });
  const say = (user: string, text: string) => api.call("/agents/juno/messages", { json: { user, text } });
  expect((await say("ada", "Hi! My name is Ada and I live in Oslo.")).status).toBe(200);
  expect((await say("bob", "Hello, I am Bob. I like sailing boats.")).status).toBe(200);
  await api.troupe.agent("juno")?.settle();
  return api;
}

const memories = async (api: ApiFixture, query: string) =>
  ((await (await api.call(`/agents/juno/memories${query}`)).json()) as { memories: Memory[] }).memories;

describe("a user's working memory", () => {
  it("shows what the agent learnt about a user, found by the name they chatted under", async () => {
    const api = await talkedTo();
    const response = await api.call("/agents/juno/users/ada/working-memory");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { userId: string; facts: { key: string; value: string }[] };
    expect(body.userId).toBe("http:ada");
    expect(body.facts).toContainEqual({ key: "lives in", value: "Oslo" });
    expect(body.facts).not.toContainEqual(expect.objectContaining({ value: "sailing boats" }));
  });

  it("takes a correction: the new value is what the agent knows and says, the old one moves to history", async () => {
    const api = await talkedTo();
    const response = await api.call("/agents/juno/users/ada/working-memory", {
      method: "PATCH",
      json: { facts: { "lives in": "Lima", name: null } },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { facts: unknown[]; history: { key: string; value: string }[] };
    expect(body.facts).toContainEqual({ key: "lives in", value: "Lima" });
    expect(body.facts).not.toContainEqual(expect.objectContaining({ key: "name" }));
    expect(body.history).toContainEqual(expect.objectContaining({ key: "lives in", value: "Oslo" }));

    const answer = await api.call("/agents/juno/messages", { json: { user: "ada", text: "Where do I live?" } });
    const { reply } = (await answer.json()) as { reply: string };
    expect(reply).toContain("Lima");
    expect(reply).not.toContain("Oslo");
  });

  it("refuses corrections that are empty, not text, or carry unknown fields, naming the field", async () => {
    const api = await talkedTo();
    const patch = async (body: unknown) => {
      const response = await api.call("/agents/juno/users/ada/working-memory", { method: "PATCH", json: body });
      expect(response.status).toBe(400);
      return ((await response.json()) as { error: string }).error;
    };
    expect(await patch({ facts: {} })).toMatch(/^facts: name at least one fact/);
    expect(await patch({ facts: { city: 5 } })).toMatch(/^facts\.city: /);
    expect(await patch({ facts: { "<script>": "x" } })).toMatch(/^facts\.<script>: /);
    expect(await patch({ facts: { city: "Lima" }, goals: [] })).toMatch(/goals/);
    expect(await patch([])).toMatch(/^(facts: |.*expected object)/);
    const notJson = await api.call("/agents/juno/users/ada/working-memory", { method: "PATCH", body: "{facts" });
    expect(((await notJson.json()) as { error: string }).error).toMatch(/^The body must be JSON/);
    expect((await api.call("/agents/nobody/users/ada/working-memory")).status).toBe(404);
  });
});

describe("long-term memories", () => {
  it("lists them newest first, searches them best first, and keeps to one user when asked", async () => {
    const api = await talkedTo();
    const newest = await memories(api, "");
    expect(newest.length).toBeGreaterThan(0);
    expect(newest[0]?.text).toContain("sailing");
    const found = await memories(api, "?query=Oslo");
    expect(found[0]?.text).toContain("Oslo");
    expect(found[0]?.score).toEqual(expect.any(Number));
    const bobs = await memories(api, "?user=bob");
    expect(bobs.length).toBeGreaterThan(0);
    for (const memory of bobs) expect(memory.text).not.toContain("Oslo");
    expect(await memories(api, "?limit=1")).toHaveLength(1);
  });

  it("forgets one memory: it is gone from listing and search, and a second delete is 404", async () => {
    const api = await talkedTo();
    const target = (await memories(api, "?query=Oslo"))[0] as Memory;
    const deleted = await api.call(`/agents/juno/memories/${target.id}`, { method: "DELETE" });
    expect(deleted.status).toBe(204);
    expect((await memories(api, "?limit=100")).map((memory) => memory.id)).not.toContain(target.id);
    expect((await memories(api, "?query=Oslo")).map((memory) => memory.id)).not.toContain(target.id);
    const again = await api.call(`/agents/juno/memories/${target.id}`, { method: "DELETE" });
    expect(again.status).toBe(404);
    expect(await again.json()).toEqual({ error: `Juno has no memory ${target.id}.` });
  });

  it("refuses a bad limit or id with 400 naming it, and an unknown agent with 404", async () => {
    const api = await talkedTo();
    const badLimit = await api.call("/agents/juno/memories?limit=0");
    expect(badLimit.status).toBe(400);
    expect(((await badLimit.json()) as { error: string }).error).toMatch(/^limit: /);
    const badId = await api.call("/agents/juno/memories/abc", { method: "DELETE" });
    expect(badId.status).toBe(400);
    expect(((await badId.json()) as { error: string }).error).toMatch(/^id: /);
    expect((await api.call("/agents/nobody/memories")).status).toBe(404);
  });
});
