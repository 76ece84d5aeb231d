import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const FILE = "test/fixtures/memory-eval/tiny.json";

describe("troupe eval memory", () => {
  it("prints one JSON line in the documented shape", async () => {
    const result = await runCli(["eval", "memory", FILE, "--k", "2"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      k: 2,
      frac: { overall: expect.any(Number) },
      questions: 4,
      ingest_ms: expect.any(Number),
      recall_p50_ms: expect.any(Number),
      recall_p99_ms: expect.any(Number),
    });
  });

  it("names the file and the field of a malformed dataset", async () => {
    const result = await runCli(["eval", "memory", "test/fixtures/characters/shaw.json"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/shaw\.json: conversations/);
  });
});

describe("troupe eval memory on LoCoMo's own layout", () => {
  it("reads locomo10.json's shape and measures the BM25 baseline with --baseline bm25", async () => {
    const result = await runCli(["eval", "memory", "test/fixtures/memory-eval/tiny-locomo.json", "--baseline", "bm25"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout.trim())).toMatchObject({ method: "bm25", questions: 4 });
  });
});
