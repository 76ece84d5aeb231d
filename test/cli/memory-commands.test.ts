import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEmbedder, LongTermMemory } from "../../src/memory/index.js";
import { OfflineEmbeddings } from "../../src/offline/index.js";
import { openTroupeStore } from "../../src/runtime/index.js";
import { runCli } from "../helpers/run-cli.js";
import { useTempDir } from "../helpers/temp-dir.js";

const DAY = 86_400_000;
/** The model name the offline embedder stores with its vectors. */
const OFFLINE_MODEL = "troupe-offline-hash-v1";

function writeCharacter(dir: string, memory: Record<string, unknown> = {}): string {
  const file = join(dir, "mira.json");
  writeFileSync(file, JSON.stringify({ name: "Mira", bio: ["Mira keeps the lighthouse."], memory }));
  return file;
}

async function seed(dataDir: string, model = OFFLINE_MODEL): Promise<void> {
  const db = openTroupeStore({ dataDir });
  const offline = new OfflineEmbeddings();
  const memory = new LongTermMemory({
    db,
    agent: "Mira",
    embedder: createEmbedder(offline, { model, dimensions: 384 }),
    indexDir: join(dataDir, "index"),
  });
  memory.open();
  const now = Date.now();
  const alice = { room: "terminal:alice", userId: "terminal:alice" };
  memory.add({ kind: "message", text: "Alice: my cat Miso sleeps on the piano", ...alice, createdAt: now - 120 * DAY });
  memory.add({ kind: "fact", text: "Alice lives in Lima", ...alice, createdAt: now - DAY });
  memory.add({ kind: "message", text: "Bob: my cat chews cables", room: "group", userId: "bob", createdAt: now - DAY });
  db.prepare("INSERT INTO working_memory (agent, scope, data, updated_at) VALUES (?, ?, ?, ?)").run(
    "Mira",
    "user:terminal:alice",
    JSON.stringify({ facts: { "lives in": "Lima" }, history: [], updatedAt: now }),
    now,
  );
  db.prepare("INSERT INTO working_memory (agent, scope, data, updated_at) VALUES (?, ?, ?, ?)").run(
    "Mira",
    "user:bob",
    JSON.stringify({ facts: { name: "Bob" }, history: [], updatedAt: now }),
    now,
  );
  await memory.save();
  db.close();
}

function texts(dataDir: string): string[] {
  const db = openTroupeStore({ dataDir });
  const rows = db.prepare("SELECT text FROM memories ORDER BY id").pluck().all() as string[];
  db.close();
  return rows;
}

describe("troupe memory", () => {
  const tempDir = useTempDir();

  it("searches with ids, kinds and scores, scoped to a user", async () => {
    const dir = tempDir();
    const character = writeCharacter(dir);
    const dataDir = join(dir, "data");
    await seed(dataDir);
    const result = await runCli([
      "memory",
      character,
      "search",
      "cat",
      "piano",
      "--user",
      "terminal:alice",
      "-d",
      dataDir,
    ]);
    expect(result.stderr).toBe("");
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toMatch(
      /^#1 message score=\d\.\d{3} relevance=\d\.\d{3} user=terminal:alice .*Miso sleeps on the piano$/,
    );
    expect(result.stdout).not.toContain("Bob");
  });

  it("shows a user's working memory as JSON", async () => {
    const dir = tempDir();
    const character = writeCharacter(dir);
    const dataDir = join(dir, "data");
    await seed(dataDir);
    const result = await runCli(["memory", character, "show-working", "--user", "terminal:alice", "-d", dataDir]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        scope: "user:terminal:alice",
        updatedAt: expect.any(Number),
        document: expect.objectContaining({ facts: { "lives in": "Lima" } }),
      },
    ]);
  });

  it("forgets by age, by id and by user, and names an unknown id", async () => {
    const dir = tempDir();
    const character = writeCharacter(dir);
    const dataDir = join(dir, "data");
    await seed(dataDir);
    const old = await runCli(["memory", character, "forget", "--older-than", "90d", "-d", dataDir]);
    expect(old.stdout).toBe("Forgot 1 memory.\n");
    expect(texts(dataDir)).toEqual(["Alice lives in Lima", "Bob: my cat chews cables"]);

    const unknown = await runCli(["memory", character, "forget", "99", "-d", dataDir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("Mira has no memory #99");

    expect((await runCli(["memory", character, "forget", "3", "-d", dataDir])).stdout).toBe("Forgot 1 memory.\n");
    expect((await runCli(["memory", character, "forget", "--user", "terminal:alice", "-d", dataDir])).stdout).toBe(
      "Forgot 1 memory and 1 working-memory document.\n",
    );
    expect(texts(dataDir)).toEqual([]);
    const search = await runCli(["memory", character, "search", "cat", "-d", dataDir]);
    expect(search.stdout).toBe("");
  });

  it("knows a user by the name they chatted under, and forgets them entirely", async () => {
    const dir = tempDir();
    // A short window, so that the direct chat gets a running summary.
    const character = writeCharacter(dir, { shortTermTurns: 2 });
    const dataDir = join(dir, "data");
    const chat = (input: string) =>
      runCli(["chat", character, "--no-helpers", "--user", "Ada", "-d", dataDir], { input });
    await chat("My name is Ada and I have a cat called Miso.\nMiso sleeps on the piano.\nnice weather\nsee you\n");
    const summaries = await runCli(["memory", character, "show-working", "-d", dataDir]);
    expect(summaries.stdout).toContain('"scope": "room:terminal:ada"');

    const search = await runCli(["memory", character, "search", "cat", "--user", "ada", "-d", dataDir]);
    expect(search.stdout).toContain("user=terminal:ada");
    expect(search.stdout).toContain("a cat called Miso");
    const working = await runCli(["memory", character, "show-working", "--user", "Ada", "-d", dataDir]);
    expect(working.stdout).toContain("Miso");

    const forget = await runCli(["memory", character, "forget", "--user", "ada", "-d", dataDir]);
    // Her profile and the direct chat only she talked in: its summary, her turns and Mira's replies.
    expect(forget.stdout).toMatch(/^Forgot \d+ memories, 2 working-memory documents and 8 messages\.\n$/);
    expect((await runCli(["memory", character, "show-working", "-d", dataDir])).stdout).toBe("[]\n");
    const after = await chat("What is my name?\nWhat is my cat called?\n");
    // Ada is still the name the terminal shows, but what she told is gone.
    expect(after.stdout).toContain("You haven't told me your name yet");
    expect(after.stdout).not.toContain("Miso");
  });

  it("refuses to start an agent whose memories use another embedding model until they are re-embedded", async () => {
    const dir = tempDir();
    const character = writeCharacter(dir);
    const dataDir = join(dir, "data");
    await seed(dataDir, "some-old-model");
    const refused = await runCli(["chat", character, "--no-helpers", "-d", dataDir], { input: "hello\n" });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("3 with some-old-model (384 dimensions)");
    expect(refused.stderr).toContain('troupe memory "Mira" reembed');

    const reembed = await runCli(["memory", character, "reembed", "-d", dataDir]);
    expect(reembed.stdout).toBe("Re-embedded 3 memories.\n");
    expect(reembed.stderr).toContain("Re-embedding memories: 3/3");
    const search = await runCli(["memory", character, "search", "Lima", "-d", dataDir]);
    expect(search.stdout).toContain("Alice lives in Lima");
    const again = await runCli(["memory", character, "reembed", "-d", dataDir]);
    expect(again.stdout).toBe(
      "Nothing to re-embed: every memory already uses troupe-offline-hash-v1 (384 dimensions).\n",
    );
  });

  it("applies memory.retentionDays when the agent starts", async () => {
    const dir = tempDir();
    const character = writeCharacter(dir, { retentionDays: 30 });
    const dataDir = join(dir, "data");
    await seed(dataDir);
    const chat = await runCli(["chat", character, "--no-helpers", "-d", dataDir]);
    expect(chat.code).toBe(0);
    expect(texts(dataDir)).toEqual(["Alice lives in Lima", "Bob: my cat chews cables"]);
  });
});

describe("troupe knowledge add", () => {
  const tempDir = useTempDir();

  it("ingests a folder once and reports re-runs as unchanged", async () => {
    const dir = tempDir();
    const character = writeCharacter(dir);
    const dataDir = join(dir, "data");
    mkdirSync(join(dir, "docs"));
    writeFileSync(join(dir, "docs", "tides.md"), "# Tides\n\nThe harbour floods at spring tide.");
    writeFileSync(join(dir, "docs", "keeper.txt"), "The lighthouse keeper is called Ottoline.");
    const first = await runCli(["knowledge", "add", character, join(dir, "docs"), "-d", dataDir]);
    expect(first.stdout).toBe("Added 2 chunks (0 files unchanged, 0 chunks replaced).\n");
    expect(first.stderr).toContain("Adding knowledge: 2/2");
    const again = await runCli(["knowledge", "add", character, join(dir, "docs"), "-d", dataDir]);
    expect(again.stdout).toBe("Added 0 chunks (2 files unchanged, 0 chunks replaced).\n");
    const search = await runCli(["memory", character, "search", "who keeps the lighthouse", "-k", "1", "-d", dataDir]);
    expect(search.stdout).toMatch(/^#\d+ knowledge .*Ottoline\.\n$/);
  });
});
