import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import type { Bus } from "../../../src/bus/index.js";
import { createEnvelope, type Envelope } from "../../../src/bus/index.js";

/** What each implementation provides to the shared suite. */
export interface BusHarness {
  /** A fresh bus with `maxAttempts: 3` on its own namespace. */
  create(): Promise<Bus>;
  /** Leaves `envelope`'s delivery on `topic` held by a consumer of `group` that then dies without acknowledging. */
  holdAndDie(bus: Bus, topic: string, group: string): Promise<void>;
}

/** Waits until `check` passes (or fails with its last error after `ms`). */
export async function eventually(check: () => void | Promise<void>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await sleep(10);
    }
  }
}

const task = (payload: unknown, extra: Partial<Envelope> = {}) =>
  createEnvelope({ kind: "task", from: "tester", payload, ...extra });

/** The behaviour every `Bus` must have, run against each implementation. */
export function busContract(name: string, harness: BusHarness): void {
  describe(`${name}: the bus contract`, () => {
    const withBus = async (test: (bus: Bus) => Promise<void>) => {
      const bus = await harness.create();
      try {
        await test(bus);
      } finally {
        await bus.close();
      }
    };

    it("gives each task of a group to exactly one of its consumers", () =>
      withBus(async (bus) => {
        const seen: string[] = [];
        await bus.subscribe("work", (envelope) => void seen.push(`a:${envelope.payload}`), { group: "g" });
        await bus.subscribe("work", (envelope) => void seen.push(`b:${envelope.payload}`), { group: "g" });
        for (let i = 0; i < 20; i++) await bus.publish("work", task(i));
        await eventually(() => expect(seen).toHaveLength(20));
        await sleep(50);
        expect(seen.map((entry) => Number(entry.split(":")[1])).sort((a, b) => a - b)).toEqual(
          Array.from({ length: 20 }, (_, i) => i),
        );
      }));

    it("drops a result for a retired inbox instead of keeping it for nobody", () =>
      withBus(async (bus) => {
        const seen: unknown[] = [];
        const unsubscribe = await bus.subscribe("inbox:gone", (envelope) => void seen.push(envelope.payload), {
          group: "inbox:gone",
        });
        await bus.publish("inbox:gone", task("before"), { onlyToExisting: true });
        await eventually(() => expect(seen).toEqual(["before"]));
        await unsubscribe();
        await bus.retire("inbox:gone");
        await bus.publish("inbox:gone", task("late"), { onlyToExisting: true });
        // A new reader of the topic finds nothing left from before, nor the late result.
        const later: unknown[] = [];
        await bus.subscribe("inbox:gone", (envelope) => void later.push(envelope.payload), { group: "other" });
        await bus.publish("inbox:gone", task("fresh"));
        await eventually(() => expect(later).toEqual(["fresh"]));
        await sleep(50);
        expect(later).toEqual(["fresh"]);
      }));

    it("broadcasts to every subscriber without a group", () =>
      withBus(async (bus) => {
        const a: unknown[] = [];
        const b: unknown[] = [];
        await bus.subscribe("news", (envelope) => void a.push(envelope.payload));
        await bus.subscribe("news", (envelope) => void b.push(envelope.payload));
        await bus.publish("news", createEnvelope({ kind: "event", from: "tester", payload: "hello" }));
        await eventually(() => {
          expect(a).toEqual(["hello"]);
          expect(b).toEqual(["hello"]);
        });
      }));

    it("retries a task whose handler throws, telling the next attempt the last error", () =>
      withBus(async (bus) => {
        const attempts: { attempt: number; error?: string }[] = [];
        await bus.subscribe(
          "flaky",
          (envelope) => {
            attempts.push({ attempt: envelope.attempt, error: envelope.error });
            if (envelope.attempt < 2) throw new Error("disk full");
          },
          { group: "g" },
        );
        await bus.publish("flaky", task("x"));
        await eventually(() => expect(attempts).toHaveLength(2));
        expect(attempts[1]).toEqual({ attempt: 2, error: "disk full" });
        expect(await bus.deadLetters("flaky")).toEqual([]);
      }));

    it("dead-letters a task that fails on every attempt, with its last error", () =>
      withBus(async (bus) => {
        let calls = 0;
        await bus.subscribe(
          "doomed",
          (envelope) => {
            calls++;
            throw new Error(`attempt ${envelope.attempt} failed`);
          },
          { group: "g" },
        );
        await bus.publish("doomed", task("x"));
        await eventually(async () => expect(await bus.deadLetters("doomed")).toHaveLength(1));
        const [letter] = await bus.deadLetters("doomed");
        expect(letter?.error).toBe("attempt 3 failed");
        expect(letter?.attempts).toBe(3);
        expect(calls).toBe(3);
      }));

    it("dead-letters a malformed envelope and keeps consuming", () =>
      withBus(async (bus) => {
        const seen: unknown[] = [];
        await bus.subscribe("mixed", (envelope) => void seen.push(envelope.payload), { group: "g" });
        await bus.publish("mixed", { id: 42, kind: "gossip" } as unknown as Envelope);
        await bus.publish("mixed", task("fine"));
        await eventually(() => expect(seen).toEqual(["fine"]));
        const letters = await bus.deadLetters("mixed");
        expect(letters).toHaveLength(1);
        expect(letters[0]?.error).toMatch(/malformed envelope/);
      }));

    it("runs an envelope delivered twice only once", () =>
      withBus(async (bus) => {
        const seen: unknown[] = [];
        await bus.subscribe("dup", (envelope) => void seen.push(envelope.payload), { group: "g" });
        const twice = task("once");
        await bus.publish("dup", twice);
        await eventually(() => expect(seen).toHaveLength(1));
        await bus.publish("dup", twice);
        await bus.publish("dup", task("after"));
        await eventually(() => expect(seen).toEqual(["once", "after"]));
      }));

    it("drops a task whose deadline has passed instead of running it late", () =>
      withBus(async (bus) => {
        const seen: unknown[] = [];
        await bus.publish("late", task("stale", { deadline: Date.now() - 1 }));
        await bus.publish("late", task("fresh", { deadline: Date.now() + 60_000 }));
        await bus.subscribe("late", (envelope) => void seen.push(envelope.payload), { group: "g" });
        await eventually(() => expect(seen).toEqual(["fresh"]));
        await sleep(50);
        expect(seen).toEqual(["fresh"]);
      }));

    it("hands a task held by a consumer that died to another consumer of the group", () =>
      withBus(async (bus) => {
        await bus.publish("orphan", task("rescued"));
        await harness.holdAndDie(bus, "orphan", "g");
        const seen: unknown[] = [];
        await bus.subscribe("orphan", (envelope) => void seen.push(envelope.payload), { group: "g" });
        await eventually(() => expect(seen).toEqual(["rescued"]));
      }));
  });
}
