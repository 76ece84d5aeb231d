import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { useTempDir } from "../helpers/temp-dir.js";

describe("troupe chat remembers a user across processes", () => {
  const tempDir = useTempDir();

  it("answers questions about name, home, pet, job and favourite food, with the home they moved to", async () => {
    const dataDir = tempDir();
    const chat = (lines: string[]) =>
      runCli(["chat", "Juno", "--user", "Priya", "--data-dir", dataDir, "--no-helpers"], {
        input: `${lines.join("\n")}\n`,
      });

    const first = await chat([
      "Hi, my name is Priya.",
      "nice weather today",
      "I live in Oslo.",
      "haha, how are you doing?",
      "I have a dog called Biscuit.",
    ]);
    expect(first.code).toBe(0);
    const second = await chat([
      "hello again",
      "I work as a nurse.",
      "what a long day it was",
      "My favourite food is ramen.",
      "tell me something fun",
      "I moved to Lima last month.",
    ]);
    expect(second.code).toBe(0);

    const third = await chat([
      "What is my name?",
      "Where do I live?",
      "What is my pet called?",
      "What do I do for work?",
      "What is my favourite food?",
    ]);
    expect(third.code).toBe(0);
    const [name, home, pet, job, food] = third.stdout.trimEnd().split("\n");
    expect(name).toContain("Priya");
    expect(home).toContain("Lima");
    expect(home).not.toContain("Oslo");
    expect(pet).toContain("Biscuit");
    expect(job).toContain("nurse");
    expect(food).toContain("ramen");
  });
});
