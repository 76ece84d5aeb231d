import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, runCli, runNode } from "../helpers/run-cli.js";
import { useTempDir } from "../helpers/temp-dir.js";

describe("troupe chat", () => {
  const tempDir = useTempDir();

  it("takes /help and /quit as commands, never as messages to the character", async () => {
    const result = await runCli(["chat", "Juno", "--no-helpers", "--user", "Ada", "--data-dir", tempDir()], {
      input: "/help\nhello there\n/quit\nthis is never read\n",
    });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Type a message and press Enter; \/help shows this, \/quit \(or exit\) leaves\.$/);
    expect(lines[1]).toMatch(/^Juno: \S/);
  });

  it("leaves out an invalid colleague in characters/, naming it, and starts the others", async () => {
    const project = tempDir();
    mkdirSync(join(project, "characters"));
    writeFileSync(join(project, "characters/kit.json"), JSON.stringify({ name: "Kit", bio: ["Kit hosts."] }));
    writeFileSync(join(project, "characters/broken.json"), JSON.stringify({ name: 5, bio: "not a list" }));
    const result = await runNode(project, [BIN, "chat", "Kit", "--user", "Ada", "--data-dir", join(project, "data")], {
      input: "hello\n",
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Kit: \S/);
    expect(result.stderr).toMatch(
      /Left out characters\/broken\.json, which has (?:a problem|\d+ problems) \(see troupe validate/,
    );
  });
});
