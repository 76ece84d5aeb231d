import { describe, expect, it } from "vitest";
import { repeat } from "../../../src/connectors/twitter/repeat.js";

describe("repeat", () => {
  it("keeps running after a failing run, asks the period each time, and ends when aborted", async () => {
    const abort = new AbortController();
    const runs: number[] = [];
    const errors: unknown[] = [];
    let periods = 0;
    await repeat({
      signal: abort.signal,
      firstDelayMs: 0,
      periodMs: () => {
        periods++;
        return 0;
      },
      task: async () => {
        runs.push(runs.length);
        if (runs.length === 2) throw new Error("X answered 503");
        if (runs.length === 4) abort.abort();
      },
      onError: (error) => errors.push(error),
    });
    expect(runs).toEqual([0, 1, 2, 3]);
    expect(errors).toEqual([new Error("X answered 503")]);
    expect(periods).toBe(4);
  });
});
