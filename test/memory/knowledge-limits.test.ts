import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OfflineEmbeddings } from "../../src/index.js";
import {
  collectKnowledgeFiles,
  createEmbedder,
  DEFAULT_KNOWLEDGE_LIMITS,
  ingestKnowledge,
  LongTermMemory,
} from "../../src/memory/index.js";
import { openTroupeStore } from "../../src/runtime/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

const tempDir = useTempDir();

function listen() {
  const warnings: string[] = [];
  const progress: number[] = [];
  return {
    warnings,
    progress,
    events: { warn: (line: string) => warnings.push(line), progress: (files: number) => progress.push(files) },
  };
}

describe("reading a knowledge folder within limits", () => {
  it("does not follow a link inside the folder to a file outside it", async () => {
    const dir = tempDir();
    const secret = join(tempDir(), "secret.txt");
    writeFileSync(secret, "root:x:0:0:root:/root:/bin/bash");
    mkdirSync(join(dir, "docs"));
    writeFileSync(join(dir, "docs", "ship.md"), "The Meridian's top speed is 0.2c.");
    symlinkSync(secret, join(dir, "docs", "passwd.txt"));
    const db = openTroupeStore({ dataDir: dir });
    const memory = new LongTermMemory({
      db,
      agent: "Vega",
      embedder: createEmbedder(new OfflineEmbeddings(), { model: "offline-test", dimensions: 384 }),
    });
    memory.open();
    const { warnings, events } = listen();
    await ingestKnowledge(memory, [{ kind: "directory", directory: "docs" }], dir, { events });
    const texts = db.prepare("SELECT text FROM memories WHERE kind = 'knowledge'").pluck().all();
    expect(texts).toEqual(["The Meridian's top speed is 0.2c."]);
    expect(warnings).toEqual([`${join(dir, "docs", "passwd.txt")}: a link to outside ${join(dir, "docs")}, skipped`]);
    db.close();
  });

  it("stops going deeper than the depth limit, and says so", async () => {
    const dir = tempDir();
    let folder = dir;
    for (let level = 1; level <= 4; level++) {
      folder = join(folder, `level-${level}`);
      mkdirSync(folder);
      writeFileSync(join(folder, "note.md"), `level ${level}`);
    }
    const { warnings, events } = listen();
    const files = await collectKnowledgeFiles(
      [{ kind: "folder", path: dir }],
      { ...DEFAULT_KNOWLEDGE_LIMITS, maxDepth: 2 },
      events,
    );
    expect(files).toEqual([join(dir, "level-1", "level-2", "note.md"), join(dir, "level-1", "note.md")]);
    expect(warnings).toEqual([`${dir}: folders deeper than 2 levels were not read`]);
  });

  it("stops at the file and byte limits, reporting progress on the way", async () => {
    const dir = tempDir();
    for (let index = 0; index < 600; index++)
      writeFileSync(join(dir, `${String(index).padStart(3, "0")}.txt`), "12345");
    const { warnings, progress, events } = listen();
    const files = await collectKnowledgeFiles(
      [{ kind: "folder", path: dir }],
      { ...DEFAULT_KNOWLEDGE_LIMITS, maxFiles: 520 },
      events,
    );
    expect(files).toHaveLength(520);
    expect(progress).toEqual([250, 500]);
    expect(warnings).toEqual([`knowledge stops at 520 files: ${join(dir, "520.txt")} and what follows were not read`]);

    const bytes = listen();
    const byBytes = await collectKnowledgeFiles(
      [{ kind: "folder", path: dir }],
      { ...DEFAULT_KNOWLEDGE_LIMITS, maxBytes: 5 * 1024 * 1024 },
      bytes.events,
    );
    expect(byBytes).toHaveLength(600);
    const tight = await collectKnowledgeFiles([{ kind: "folder", path: dir }], {
      ...DEFAULT_KNOWLEDGE_LIMITS,
      maxBytes: 12,
    });
    expect(tight).toEqual([join(dir, "000.txt"), join(dir, "001.txt")]);
  });

  it("skips a single file larger than the per-file limit", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "big.md"), "x".repeat(2048));
    writeFileSync(join(dir, "small.md"), "small");
    const { warnings, events } = listen();
    const files = await collectKnowledgeFiles(
      [
        { kind: "file", path: join(dir, "big.md") },
        { kind: "folder", path: dir },
      ],
      { ...DEFAULT_KNOWLEDGE_LIMITS, maxFileBytes: 1024 },
      events,
    );
    expect(files).toEqual([join(dir, "small.md")]);
    expect(warnings).toEqual([
      `${join(dir, "big.md")}: larger than 1 KB, skipped`,
      `${join(dir, "big.md")}: larger than 1 KB, skipped`,
    ]);
  });
});
