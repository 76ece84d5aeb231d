import { join, resolve } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createTerminalConnector } from "../../../src/connectors/index.js";
import { type Logger, Troupe } from "../../../src/runtime/index.js";
import { useTempDir } from "../../helpers/temp-dir.js";
import { readLines } from "./read-lines.js";

/** The demo host, Juno, who loads the reminders plugin. */
const JUNO = resolve(import.meta.dirname, "../../../characters/host.json");

/** A `troupe chat Juno --user <user>` session in this process: its own troupe on the shared data folder. */
async function chatSession(dataDir: string, user: string, logger: Logger = pino({ level: "silent" })) {
  const troupe = await Troupe.start([JUNO], { dataDir, logger, env: {} });
  const input = new PassThrough();
  const output = new PassThrough();
  const seen: string[] = [];
  output.on("data", (chunk) => seen.push(String(chunk)));
  const lines = readLines(output);
  const terminal = createTerminalConnector({ agent: "Juno", user, input, output, interactive: false });
  await troupe.connect(terminal);
  return {
    say: (text: string) => input.write(`${text}\n`),
    next: () => lines.next(10_000),
    seen: () => seen.join(""),
    async end() {
      input.end();
      await terminal.finished;
      await troupe.stop();
    },
  };
}

describe("a reminder that falls due while another user's terminal session runs", () => {
  const tempDir = useTempDir();

  it("is not marked delivered, and reaches its owner in their next session", async () => {
    const dataDir = tempDir();
    const lee = await chatSession(dataDir, "lee");
    lee.say("remind me in 1 second to stretch");
    expect(await lee.next()).toContain("I'll remind you to stretch");
    const dueBy = Date.now() + 1000;
    await lee.end();

    // Rita starts chatting once it is due: her session is the only connector when it is offered.
    await sleep(Math.max(0, dueBy - Date.now()) + 100);
    const logged: string[] = [];
    const logger = pino(
      { level: "debug" },
      new Writable({
        write(chunk, _encoding, done) {
          logged.push(String(chunk));
          done();
        },
      }),
    );
    const rita = await chatSession(dataDir, "rita", logger);
    rita.say("Hi, I'm Rita.");
    expect(await rita.next()).toMatch(/^Juno: /);
    await rita.end();
    expect(rita.seen()).not.toContain("stretch");

    const db = new Database(join(dataDir, "troupe.db"), { readonly: true });
    const status = db.prepare("SELECT status FROM reminders WHERE user_id = 'terminal:lee'").pluck().all();
    db.close();
    expect(status).toEqual(["pending"]);
    // Offered once when the troupe started (no connector yet) and once when Rita's terminal connected.
    expect(logged.filter((line) => line.includes("reminder waits")).length).toBeGreaterThanOrEqual(2);

    const back = await chatSession(dataDir, "lee");
    expect(await back.next()).toBe("Juno: ⏰ lee, here's your reminder: stretch");
    back.say("what are my reminders?");
    expect(await back.next()).toContain("You have no reminders set");
    await back.end();
  });
});
