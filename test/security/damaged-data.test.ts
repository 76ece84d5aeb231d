import { closeSync, openSync, readSync, statSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createLogger, StoreOpenError, Troupe } from "../../src/index.js";
import { runCli } from "../helpers/run-cli.js";
import { useTempDir } from "../helpers/temp-dir.js";

const logger = createLogger({ level: "silent" });
const tempDir = useTempDir();
const JUNO = join(import.meta.dirname, "../../characters/host.json");

/** Overwrites the body of the last pages of a database, leaving its header and schema readable. */
function scrambleLastPages(file: string, pages: number): void {
  const size = statSync(file).size;
  const fd = openSync(file, "r+");
  const header = Buffer.alloc(2);
  readSync(fd, header, 0, 2, 16);
  const pageSize = header.readUInt16BE(0) || 65536;
  // Deterministic "random" bytes: the damage is the same on every run.
  const noise = Buffer.from(Array.from({ length: pageSize - 200 }, (_, index) => (index * 73 + 41) % 256));
  for (let page = Math.floor(size / pageSize) - pages; page < size / pageSize; page++) {
    writeSync(fd, noise, 0, noise.length, page * pageSize + 100);
  }
  closeSync(fd);
}

describe("damaged data", () => {
  it("says in one line that troupe.db is damaged and how to restore it, not a raw SqliteError", async () => {
    const dataDir = tempDir();
    const first = await Troupe.start([JUNO], { dataDir, logger });
    await first.stop();
    scrambleLastPages(join(dataDir, "troupe.db"), 6);
    const result = await runCli(["start", JUNO, "--port", "0", "--data-dir", dataDir]);
    expect(result.code).toBe(1);
    const lines = result.stderr
      .trim()
      .split("\n")
      .filter((line) => !line.startsWith("{"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/troupe\.db.*(damaged|not a valid database).*restore it from a backup/i);
    expect(result.stderr).not.toContain("SqliteError");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses at start when the index folder's place is taken by a file, instead of failing at shutdown", async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, "index"), "not a folder");
    const started = Troupe.start([JUNO], { dataDir, logger });
    await expect(started).rejects.toThrow(StoreOpenError);
    await expect(started).rejects.toThrow(/index: it is a file where the index folder belongs/);
  });
});
