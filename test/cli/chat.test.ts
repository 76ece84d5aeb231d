import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { useTempDir } from "../helpers/temp-dir.js";

describe("troupe chat", () => {
  const tempDir = useTempDir();

  it("writes exactly one line per reply when standard input is not a terminal", async () => {
    const dataDir = tempDir();
    const result = await runCli(["chat", "Juno", "--user", "Alice", "--data-dir", dataDir], {
      input: "hello there\n\nwho are you?\n",
    });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^Juno: \S/);
  });

  it("remembers a name and a fact in a second process on the same data folder", async () => {
    const dataDir = tempDir();
    const first = await runCli(["chat", "Juno", "--user", "alice", "--data-dir", dataDir], {
      input: "Hi, my name is Alice.\nI live in Oslo and I have a cat called Miso.\n",
    });
    expect(first.code).toBe(0);

    const second = await runCli(["chat", "Juno", "--user", "alice", "--data-dir", dataDir], {
      input: "What is my name?\nWhere do I live?\nWhat is my pet called?\n",
    });
    expect(second.code).toBe(0);
    const [name, place, pet] = second.stdout.trimEnd().split("\n");
    expect(name).toContain("Alice");
    expect(place).toContain("Oslo");
    expect(pet).toContain("Miso");
  });

  it("answers with the latest place after the user moves", async () => {
    const dataDir = tempDir();
    await runCli(["chat", "Juno", "--user", "sam", "--data-dir", dataDir], { input: "I live in Oslo.\n" });
    await runCli(["chat", "Juno", "--user", "sam", "--data-dir", dataDir], { input: "I moved to Lima last week.\n" });
    const result = await runCli(["chat", "Juno", "--user", "sam", "--data-dir", dataDir], {
      input: "Where do I live now?\n",
    });
    expect(result.stdout).toContain("Lima");
    expect(result.stdout).not.toContain("Oslo");
  });

  it("keeps serving after empty, huge, control-character, emoji and right-to-left messages", async () => {
    const dataDir = tempDir();
    const messages = [
      "",
      "x".repeat(100_000),
      "bell\u0007 and \u0000 nul",
      "🎭🎉 hello 👋",
      "مرحبا، كيف حالك؟",
      "What is my name?",
    ];
    const result = await runCli(["chat", "Juno", "--user", "Rita", "--data-dir", dataDir], {
      input: `${messages.join("\n")}\n`,
    });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(messages.length);
    expect(lines[1]).toMatch(/too long/);
    for (const line of lines) expect(line).toMatch(/^Juno: \S/);
  });

  it("names the character that does not exist and exits 1", async () => {
    const result = await runCli(["chat", "Nobody", "--data-dir", tempDir()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Nobody/);
    expect(result.stderr).toMatch(/Juno/);
  });
});
