import { once } from "node:events";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createLogger, Troupe } from "../../src/index.js";
import { startCli } from "../helpers/run-cli.js";
import { useTempDir } from "../helpers/temp-dir.js";

const USERS = ["ada", "bo", "cy", "di", "ed", "flo", "gus", "hal"];

/** Posts one message; resolves to the text when the API acknowledged it with a reply, else undefined. */
async function post(base: string, agent: string, user: string, text: string): Promise<string | undefined> {
  try {
    const response = await fetch(`${base}/agents/${agent}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user, text }),
    });
    return response.status === 200 ? text : undefined;
  } catch {
    return undefined; // the connection died with the process: not acknowledged
  }
}

function batch(base: string, from: number, count: number): Promise<(string | undefined)[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) => {
      const n = from + i;
      const user = USERS[n % USERS.length] as string;
      return post(base, n % 2 ? "Theo" : "Juno", user, `note ${n}: ${user} keeps ${n * 7} marbles in jar ${n}`);
    }),
  );
}

describe("troupe start killed with SIGKILL while writing", () => {
  const tempDir = useTempDir();

  it("keeps every acknowledged message and memory, and its index agrees with SQLite after a restart", async () => {
    const dataDir = tempDir();
    const { child, match } = await startCli(["start", "--port", "0", "--data-dir", dataDir], /HTTP API on (\S+)/, {
      // An index from the first memory: the few memories of this test make index files to save and load.
      env: { TROUPE_INDEX_SAVE_SECONDS: "1", TROUPE_RATE_LIMIT: "off", TROUPE_EXACT_SEARCH_UP_TO: "0" },
    });
    const base = match[1] as string;
    const acknowledged = (await batch(base, 0, 40)).filter((text) => text !== undefined);
    // Wait for a timed save of the index, so the restart loads it and adds only the rest.
    const db = new Database(join(dataDir, "troupe.db"), { readonly: true });
    const saved = () =>
      (
        db.prepare("SELECT MIN(indexed_through) AS n FROM vector_indexes WHERE name LIKE '%#conversation'").get() as {
          n: number | null;
        }
      ).n ?? 0;
    while (saved() === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    const inFlight = batch(base, 40, 40);
    // Killed while the second batch is being written: no clean stop, no final save.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const exited = once(child, "exit");
    child.kill("SIGKILL");
    await exited;
    acknowledged.push(...(await inFlight).filter((text) => text !== undefined));
    db.close();

    const troupe = await Troupe.start(
      ["characters/host.json", "characters/researcher.json", "characters/writer.json"],
      {
        dataDir,
        logger: createLogger({ level: "silent" }),
      },
    );
    try {
      const check = new Database(join(dataDir, "troupe.db"), { readonly: true });
      // Each acknowledged message: stored, its long-term memory stored, and the reply the API sent stored after it.
      const stored = check.prepare(
        `SELECT m.id, m.room,
           (SELECT COUNT(*) FROM memories k WHERE k.source_message_id = m.id) AS memories,
           (SELECT COUNT(*) FROM messages r WHERE r.agent = m.agent AND r.room = m.room AND r.role = 'agent' AND r.id > m.id) AS replies
         FROM messages m WHERE m.role = 'user' AND m.text = ?`,
      );
      for (const text of acknowledged) {
        expect(stored.get(text), text).toMatchObject({ memories: 1, replies: expect.any(Number) });
        expect((stored.get(text) as { replies: number }).replies, text).toBeGreaterThan(0);
      }
      for (const agent of troupe.agents) {
        await agent.longTerm.whenIndexed();
        const memories = (
          check.prepare("SELECT COUNT(*) AS n FROM memories WHERE agent = ?").get(agent.name) as {
            n: number;
          }
        ).n;
        expect(agent.longTerm.counts).toEqual({ memories, indexed: memories });
      }
      check.close();
      expect(acknowledged.length).toBeGreaterThanOrEqual(40);
      // The last acknowledged note is found again by what it says.
      const last = acknowledged.at(-1) as string;
      const [, n] = /^note (\d+)/.exec(last) as RegExpExecArray;
      const agent = troupe.agent(Number(n) % 2 ? "Theo" : "Juno");
      const recalled = await agent?.longTerm.recall(`marbles in jar ${n}`, { k: 3 });
      expect(recalled?.some((memory) => memory.text.endsWith(last))).toBe(true);
    } finally {
      await troupe.stop();
    }
  }, 60_000);
});
