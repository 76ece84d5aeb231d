import { execFile } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { addToPluginsList } from "../../src/cli/commands/plugins-add.js";
import { REPO, runCli } from "../helpers/run-cli.js";

describe("troupe plugins", () => {
  const scaffolds: string[] = [];
  afterEach(() => {
    for (const dir of scaffolds.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("lists what each demo character loads, with the actions", async () => {
    const result = await runCli(["plugins", "list"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Juno (characters/host.json): 3 plugin(s)");
    expect(result.stdout).toContain(
      "  time (../plugins/time): actions current_time, date_after; providers current-time",
    );
    expect(result.stdout).toContain(
      "  reminders (../plugins/reminders): actions set_reminder, list_reminders, cancel_reminder; services reminders",
    );
    expect(result.stdout).toContain("  web (../plugins/web): actions summarize_url");
    expect(result.stdout).toContain("  calculator (../plugins/calculator): actions calculate, convert_units");
  });

  it("scaffolds a plugin whose own test passes (the README's five-minute walkthrough)", async () => {
    const name = `scaffold-${process.pid}`;
    const folder = join(REPO, "plugins", name);
    scaffolds.push(folder);
    const created = await runCli(["plugins", "new", name]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain(`Wrote plugins/${name}. Test it with: npx vitest run plugins/${name}`);
    for (const file of ["index.ts", "index.test.ts", "README.md", "package.json"]) {
      expect(existsSync(join(folder, file))).toBe(true);
    }
    const vitest = join(REPO, "node_modules/vitest/vitest.mjs");
    const run = await promisify(execFile)(process.execPath, [vitest, "run", `plugins/${name}`], { cwd: REPO });
    expect(run.stdout).toMatch(/1 passed/);
    expect((await runCli(["plugins", "new", name])).stderr).toContain("already exists");
    // A nested vitest run is slow when the whole suite runs alongside.
  }, 120_000);

  it("adds a plugin to a character file without disturbing its comments and layout", () => {
    const text = '{\n  // who\n  "name": "Kit",\n  "plugins": ["../plugins/time"]\n}\n';
    expect(addToPluginsList(text, "troupe-plugin-dice")).toBe(
      '{\n  // who\n  "name": "Kit",\n  "plugins": ["../plugins/time", "troupe-plugin-dice"]\n}\n',
    );
    expect(addToPluginsList('{ "name": "Kit", "plugins": [] }', "x")).toBe('{ "name": "Kit", "plugins": ["x"] }');
    expect(addToPluginsList('{ "name": "Kit" }', "x")).toBe('{\n  "plugins": ["x"], "name": "Kit" }');
  });
});
