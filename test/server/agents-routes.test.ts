import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { type ApiFixture, characterJson, useApi } from "./api-harness.js";

const startApi = useApi();
const RESEARCH = [{ name: "research", description: "Looks things up." }];

function twoAgents(): Promise<ApiFixture> {
  return startApi({
    juno: characterJson("Juno", "Juno is the host of the troupe."),
    theo: characterJson("Theo", "Theo is a careful researcher.", RESEARCH),
  });
}

const say = (api: ApiFixture, agent: string, text: string, user = "ada") =>
  api.call(`/agents/${agent}/messages`, { json: { user, text } });

describe("GET /agents", () => {
  it("lists every agent with its state, model, capabilities and the connectors that carry it", async () => {
    const api = await twoAgents();
    const response = await api.call("/agents");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      agents: [
        { name: "Juno", state: "running", model: "offline model", capabilities: [], connectors: ["http"] },
        { name: "Theo", state: "running", model: "offline model", capabilities: ["research"], connectors: ["http"] },
      ],
    });
  });

  it("shows one agent with its bio, found by name in any case; an unknown name is 404 listing the names", async () => {
    const api = await twoAgents();
    const theo = await api.call("/agents/THEO");
    expect(await theo.json()).toMatchObject({ name: "Theo", bio: "Theo is a careful researcher." });
    const unknown = await api.call("/agents/nobody");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: "No agent named nobody.", agents: ["Juno", "Theo"] });
    expect((await api.call("/agents/nobody/pause", { method: "POST" })).status).toBe(404);
    expect((await api.call("/agents/nobody/reload", { method: "POST" })).status).toBe(404);
  });

  it("refuses a name longer than any character's with 400 naming the parameter", async () => {
    const api = await twoAgents();
    const response = await api.call(`/agents/${"x".repeat(201)}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/^name: /);
  });
});

describe("pausing an agent", () => {
  it("answers its HTTP messages 409 while paused, records platform messages unanswered, and answers again once resumed", async () => {
    const api = await twoAgents();
    const paused = await api.call("/agents/juno/pause", { method: "POST" });
    expect(await paused.json()).toEqual({ name: "Juno", state: "paused" });
    const listed = (await (await api.call("/agents")).json()) as { agents: { state: string }[] };
    expect(listed.agents.map((agent) => agent.state)).toEqual(["paused", "running"]);

    const refused = await say(api, "juno", "Hello?");
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: "Juno is paused." });
    // The other agent is not paused.
    expect((await say(api, "theo", "Hello?")).status).toBe(200);

    // A platform message (here through the troupe, as a connector hands it in) is kept, not answered.
    const reply = await api.troupe.send("juno", {
      platform: "telegram",
      room: { id: "chat-1", kind: "direct" },
      user: { id: "telegram:7", name: "Bo" },
      text: "My name is Bo and I like plums.",
    });
    expect(reply).toBeUndefined();
    const db = new Database(join(api.dir, "data", "troupe.db"), { readonly: true });
    const rows = db.prepare("SELECT role, text FROM messages WHERE agent = 'Juno' AND room = 'chat-1'").all();
    db.close();
    expect(rows).toEqual([{ role: "user", text: "My name is Bo and I like plums." }]);

    const resumed = await api.call("/agents/juno/resume", { method: "POST" });
    expect(await resumed.json()).toEqual({ name: "Juno", state: "running" });
    const answered = await say(api, "juno", "Hello again!");
    expect(answered.status).toBe(200);
    expect(((await answered.json()) as { reply: string }).reply).toEqual(expect.any(String));
  });
});

describe("a paused agent on the bus", () => {
  it("refuses tasks, so the delegator hands them to another agent with the capability", async () => {
    const api = await startApi({
      juno: characterJson("Juno", "Juno hosts."),
      theo: characterJson("Theo", "Theo researches.", RESEARCH),
      tess: characterJson("Tess", "Tess researches too.", RESEARCH),
    });
    await api.call("/agents/theo/pause", { method: "POST" });
    for (let asked = 0; asked < 3; asked++) {
      const result = await api.troupe.node.delegator.delegate({
        capability: "research",
        input: "tides?",
        from: "Juno",
      });
      expect(result.agent).toBe("Tess");
    }
  });
});

describe("POST /agents/:name/reload", () => {
  it("answers the messages that arrive while it swaps agents", async () => {
    const api = await twoAgents();
    writeFileSync(api.file("juno"), characterJson("Juno", "Juno, freshly reloaded."));
    const during = [1, 2, 3, 4].map((n) => say(api, "juno", `Message ${n} during the reload`, `user${n}`));
    const reloaded = await api.call("/agents/juno/reload", { method: "POST" });
    expect(reloaded.status).toBe(200);
    for (const response of await Promise.all(during)) {
      expect(response.status).toBe(200);
      expect(((await response.json()) as { reply: string | null }).reply).toEqual(expect.any(String));
    }
    expect(await (await api.call("/agents/juno")).json()).toMatchObject({ bio: "Juno, freshly reloaded." });
  });

  it("refuses an invalid file with 400 and its problems, and the running agent keeps answering as before", async () => {
    const api = await twoAgents();
    writeFileSync(api.file("juno"), JSON.stringify({ name: 42, bio: ["A broken file."] }));
    const response = await api.call("/agents/juno/reload", { method: "POST" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; problems: string[] };
    expect(body.error).toContain("Juno keeps running");
    expect(body.problems.some((problem) => problem.includes("name"))).toBe(true);

    expect((await say(api, "juno", "Are you still there?")).status).toBe(200);
    expect(await (await api.call("/agents/juno")).json()).toMatchObject({ bio: "Juno is the host of the troupe." });
  });

  it("refuses a file that is no JSON at all, naming the file", async () => {
    const api = await twoAgents();
    writeFileSync(api.file("juno"), "{ this is not json");
    const response = await api.call("/agents/juno/reload", { method: "POST" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { problems: string[] }).problems[0]).toContain("juno.json");
    expect((await say(api, "juno", "Still here?")).status).toBe(200);
  });

  it("swaps a changed file in: the new bio and name take effect, the other agent is the same one", async () => {
    const api = await twoAgents();
    const theo = api.troupe.agent("theo");
    const oldJuno = api.troupe.agent("juno");
    writeFileSync(api.file("juno"), characterJson("June", "June is the new host, fond of riddles."));
    const response = await api.call("/agents/juno/reload", { method: "POST" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ name: "June", state: "running" });

    expect(await (await api.call("/agents/june")).json()).toMatchObject({
      bio: "June is the new host, fond of riddles.",
    });
    expect((await api.call("/agents/juno")).status).toBe(404);
    expect(api.troupe.agent("theo")).toBe(theo);
    expect(api.troupe.agent("june")).not.toBe(oldJuno);
    // The HTTP connector reaches the new agent without restarting.
    const answered = await say(api, "june", "Who are you?");
    expect(answered.status).toBe(200);
    expect(((await answered.json()) as { reply: string }).reply).toEqual(expect.any(String));
  });

  it("refuses a file that renames the agent to another agent's name", async () => {
    const api = await twoAgents();
    writeFileSync(api.file("juno"), characterJson("Theo", "A second Theo."));
    const response = await api.call("/agents/juno/reload", { method: "POST" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain("Two characters are named Theo");
    expect(await (await api.call("/agents/juno")).json()).toMatchObject({ name: "Juno" });
  });

  it("keeps a paused agent paused across a reload", async () => {
    const api = await twoAgents();
    await api.call("/agents/juno/pause", { method: "POST" });
    writeFileSync(api.file("juno"), characterJson("Juno", "Juno, rested."));
    const response = await api.call("/agents/juno/reload", { method: "POST" });
    expect(await response.json()).toEqual({ name: "Juno", state: "paused" });
    expect((await say(api, "juno", "Hi")).status).toBe(409);
  });
});
