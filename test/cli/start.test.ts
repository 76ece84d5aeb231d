import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { startCli } from "../helpers/run-cli.js";
import { useTempDir } from "../helpers/temp-dir.js";

describe("troupe start", () => {
  const tempDir = useTempDir();

  it("serves /health and in-character replies over HTTP, and stops cleanly on SIGTERM", async () => {
    const { child, match, output } = await startCli(
      ["start", "--port", "0", "--data-dir", tempDir()],
      /HTTP API on (http:\/\/\S+)/,
    );
    const base = match[1] as string;
    try {
      expect(output()).toMatch(/agent Juno ready/);
      expect(output()).toMatch(/agent Theo ready/);
      expect(output()).toMatch(/connector discord: off \(DISCORD_BOT_TOKEN is not set\)/);

      const health = await fetch(`${base}/health`);
      expect(await health.json()).toMatchObject({
        status: "ok",
        agents: expect.arrayContaining(["Juno", "Theo", "Wren"]),
      });

      const response = await fetch(`${base}/agents/${encodeURIComponent("THEO")}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ user: "alice", text: "Hi! My name is Alice." }),
      });
      expect(response.status).toBe(200);
      const { reply } = (await response.json()) as { reply: string };
      expect(reply).toContain("Alice");

      const unknown = await fetch(`${base}/agents/nobody/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ user: "a", text: "hi" }),
      });
      expect(unknown.status).toBe(404);
      const bad = await fetch(`${base}/agents/juno/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{not json",
      });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: string }).error).toBe(
        'The body must be JSON: {"user": "…", "text": "…"}.',
      );
      const missing = await fetch(`${base}/agents/juno/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ user: "alice" }),
      });
      expect(missing.status).toBe(400);
      expect(((await missing.json()) as { error: string }).error).toMatch(
        /^text: .*Expected \{"user": "…", "text": "…"\}\.$/,
      );
    } finally {
      child.kill("SIGTERM");
    }
    const [code] = await once(child, "close");
    expect(code).toBe(0);
  });
});
