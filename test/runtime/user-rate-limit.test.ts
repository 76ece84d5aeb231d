import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createLogger, Troupe } from "../../src/index.js";
import { openTroupeStore, readRateLimit, UserRateLimit } from "../../src/runtime/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

const logger = createLogger({ level: "silent" });
const tempDir = useTempDir();

const from = (user: string, text: string) => ({
  platform: "http",
  room: { id: `http:${user}`, kind: "direct" as const },
  user: { id: `http:${user}`, name: user },
  text,
});

describe("one user flooding an agent", () => {
  it("gets a polite refusal once past the limit, the rest dropped unhandled, while others are answered", async () => {
    const dataDir = tempDir();
    const troupe = await Troupe.start([join(import.meta.dirname, "../../characters/host.json")], {
      dataDir,
      logger,
      env: { TROUPE_RATE_LIMIT: "5/60s" },
    });
    try {
      const flood = await Promise.all(
        Array.from({ length: 200 }, (_, index) => troupe.send("Juno", from("mallory", `message ${index}`))),
      );
      const answered = flood.filter((reply) => reply !== undefined);
      expect(answered).toHaveLength(6);
      expect(answered.at(-1)?.text).toMatch(/^mallory, you're sending messages faster than I can answer/);
      const other = await troupe.send("Juno", from("ada", "Hi! My name is Ada."));
      expect(other?.text).not.toMatch(/faster than I can answer/);
      // The terminal is the operator's own: never limited.
      const operator = { ...from("op", "hello"), platform: "terminal" };
      const replies = [];
      for (let index = 0; index < 7; index++)
        replies.push(await troupe.send("Juno", { ...operator, text: `note ${index}` }));
      expect(replies.every((reply) => reply !== undefined && !/faster than I can answer/.test(reply.text))).toBe(true);
    } finally {
      await troupe.stop();
    }
    const db = openTroupeStore({ dataDir });
    const stored = db
      .prepare("SELECT COUNT(*) FROM messages WHERE user_id = 'http:mallory' AND role = 'user'")
      .pluck()
      .get();
    db.close();
    expect(stored).toBe(5);
  });

  it("starts a new window after the window's time", () => {
    let now = 0;
    const limit = new UserRateLimit({ messages: 2, windowMs: 1000 }, () => now);
    expect(["a", "a", "a", "a"].map((user) => limit.take(user))).toEqual(["allow", "allow", "refuse", "drop"]);
    expect(limit.take("b")).toBe("allow");
    now = 1000;
    expect(limit.take("a")).toBe("allow");
  });

  it("reads TROUPE_RATE_LIMIT, naming the variable when it is wrong", () => {
    expect(readRateLimit(undefined)).toEqual({ messages: 30, windowMs: 60_000 });
    expect(readRateLimit("10/5s")).toEqual({ messages: 10, windowMs: 5000 });
    expect(readRateLimit("off")).toBeUndefined();
    expect(() => readRateLimit("lots")).toThrow(/TROUPE_RATE_LIMIT: expected <messages>\/<seconds>s/);
  });
});
