import { once } from "node:events";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createLogger, Troupe } from "../../src/index.js";
import { runCli, startCli } from "../helpers/run-cli.js";
import { useTempDir } from "../helpers/temp-dir.js";

const CHARACTERS = ["characters/host.json", "characters/researcher.json", "characters/writer.json"];
const USERS = ["ada", "bo", "cy", "di", "ed"];
const QUERIES = ["marbles in the blue jar", "who keeps a garden", "sailing on Sunday", "violin lessons"];
const HOBBIES = ["keeps marbles in a blue jar", "keeps a garden", "goes sailing on Sunday", "takes violin lessons"];

function send(base: string, from: number, count: number): Promise<number[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const n = from + i;
      const user = USERS[n % USERS.length] as string;
      const response = await fetch(`${base}/agents/${n % 2 ? "Theo" : "Juno"}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ user, text: `Note ${n}: my friend ${n} ${HOBBIES[n % HOBBIES.length]}.` }),
      });
      return response.status;
    }),
  );
}

/** What each agent of the troupe in `dataDir` recalls for the queries (ids and texts), at a fixed time. */
async function recallEverything(dataDir: string): Promise<unknown> {
  const troupe = await Troupe.start(CHARACTERS, { dataDir, logger: createLogger({ level: "silent" }) });
  try {
    const answers: Record<string, unknown> = {};
    for (const agent of troupe.agents) {
      await agent.longTerm.whenIndexed();
      for (const query of QUERIES) {
        const found = await agent.longTerm.recall(query, { k: 5, now: 4_000_000_000_000 });
        answers[`${agent.name}: ${query}`] = found.map((memory) => [memory.id, memory.text]);
      }
      answers[`${agent.name} counts`] = agent.longTerm.counts;
    }
    return answers;
  } finally {
    await troupe.stop();
  }
}

describe("troupe backup and restore", () => {
  const tempDir = useTempDir();

  it("backs up a running troupe, during writes and at rest; a restored troupe recalls exactly as before", async () => {
    const live = tempDir();
    const { child, match } = await startCli(["start", "--port", "0", "--data-dir", live], /HTTP API on (\S+)/, {
      // An index from the first memory: the few memories of this test make index files to back up.
      env: { TROUPE_INDEX_SAVE_SECONDS: "1", TROUPE_RATE_LIMIT: "off", TROUPE_EXACT_SEARCH_UP_TO: "0" },
    });
    const base = match[1] as string;
    expect(await send(base, 0, 30)).toEqual(Array(30).fill(200));
    const db = new Database(join(live, "troupe.db"), { readonly: true });
    const saved = () =>
      (db.prepare("SELECT COUNT(*) AS n FROM vector_indexes WHERE indexed_through > 0").get() as { n: number }).n;
    while (saved() === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    db.close();

    // During writes: the copy is sound and its index agrees with its database.
    const during = join(tempDir(), "during");
    const [backedUp, statuses] = await Promise.all([
      runCli(["backup", during, "--data-dir", live]),
      send(base, 30, 30),
    ]);
    expect(backedUp.stderr).toBe("");
    expect(backedUp.stdout).toMatch(/^Backed up .* to .*during: troupe\.db \(\d+\.\d MB\) and \d+ index files\.\n$/);
    expect(statuses).toEqual(Array(30).fill(200));
    // At rest, still running.
    const atRest = join(tempDir(), "at-rest");
    expect((await runCli(["backup", atRest, "--data-dir", live])).stderr).toBe("");
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    await exited;

    const restored = tempDir();
    const result = await runCli(["restore", atRest, "--data-dir", restored]);
    expect(result.stderr).toBe("");
    expect(await recallEverything(restored)).toEqual(await recallEverything(live));

    const fromDuring = tempDir();
    expect((await runCli(["restore", during, "--data-dir", fromDuring])).stderr).toBe("");
    const troupe = await Troupe.start(CHARACTERS, { dataDir: fromDuring, logger: createLogger({ level: "silent" }) });
    for (const agent of troupe.agents) {
      await agent.longTerm.whenIndexed();
      expect(agent.longTerm.counts.indexed).toBe(agent.longTerm.counts.memories);
    }
    await troupe.stop();
  }, 90_000);

  it("refuses to overwrite a data folder without --force, and with it moves the old files aside", async () => {
    const live = tempDir();
    const troupe = await Troupe.start(CHARACTERS, { dataDir: live, logger: createLogger({ level: "silent" }) });
    await troupe.stop();
    const backup = join(tempDir(), "b");
    expect((await runCli(["backup", backup, "--data-dir", live])).code).toBe(0);

    const refused = await runCli(["restore", backup, "--data-dir", live]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr.trim()).toMatch(/already holds troupe\.db\. Stop the troupe, then run again with --force/);
    const forced = await runCli(["restore", backup, "--data-dir", live, "--force"]);
    expect(forced.stdout).toMatch(/Moved the data it replaced to .*before-restore-/);
    const aside = /to (\S+)\.\n/.exec(forced.stdout)?.[1] as string;
    expect(existsSync(join(aside, "troupe.db"))).toBe(true);
    expect(existsSync(join(live, "troupe.db"))).toBe(true);
  }, 60_000);

  it("refuses a folder that is not a backup, and a backup into a folder that is not empty, in one line", async () => {
    const notBackup = tempDir();
    writeFileSync(join(notBackup, "manifest.json"), JSON.stringify({ format: 9, createdAt: "x", indexFiles: [] }));
    const refused = await runCli(["restore", notBackup, "--data-dir", tempDir()]);
    expect(refused.stderr.trim()).toBe(`${notBackup}/manifest.json: format: Invalid input: expected 1.`);

    const live = tempDir();
    const troupe = await Troupe.start(CHARACTERS, { dataDir: live, logger: createLogger({ level: "silent" }) });
    await troupe.stop();
    const full = tempDir();
    writeFileSync(join(full, "keep.txt"), "mine");
    const backup = await runCli(["backup", full, "--data-dir", live]);
    expect(backup.stderr.trim()).toBe(`${full} already exists and is not an empty folder; name a new one.`);
  }, 60_000);
});
