import { setImmediate as nextTurn } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { GroupCommit, openStore } from "../../src/store/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

describe("GroupCommit", () => {
  const tempDir = useTempDir();

  function notes() {
    const db = openStore({ dataDir: tempDir(), migrations: [] });
    db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)");
    const add = (text: string) => db.prepare("INSERT INTO notes (text) VALUES (?)").run(text);
    const texts = () =>
      (db.prepare("SELECT text FROM notes ORDER BY id").all() as { text: string }[]).map((row) => row.text);
    return { db, add, texts };
  }

  it("commits a waited-for write without what was derived since the last commit, which follows in order", async () => {
    const { db, add, texts } = notes();
    const group = new GroupCommit(db);
    const failed: unknown[] = [];
    group.defer(
      () => add("derived from the first"),
      (error) => failed.push(error),
    );
    group.defer(
      () => add("derived from the second"),
      (error) => failed.push(error),
    );
    expect(texts()).toEqual([]);
    // A reply's row: what its message derived must not make it wait.
    await group.commit(() => add("the third message"));
    expect(texts()).toEqual(["the third message"]);
    await nextTurn();
    expect(texts()).toEqual(["the third message", "derived from the first", "derived from the second"]);
    expect(failed).toEqual([]);
    db.close();
  });

  it("lets writes derived before the last commit join the next waited-for one, in order, in one transaction", async () => {
    const { db, add, texts } = notes();
    const group = new GroupCommit(db);
    const first = group.commit(() => add("the first message"));
    group.defer(
      () => add("derived from the first"),
      () => {},
    );
    await first;
    await group.commit(() => add("the second message"));
    expect(texts()).toEqual(["the first message", "derived from the first", "the second message"]);
    db.close();
  });

  it("rolls back only a deferred write that fails, reports it, and commits the others", () => {
    const { db, add, texts } = notes();
    const group = new GroupCommit(db);
    const failed: unknown[] = [];
    add("taken");
    group.defer(
      () => {
        add("half of a write");
        add("taken");
      },
      (error) => failed.push(error),
    );
    group.defer(
      () => add("a good write"),
      (error) => failed.push(error),
    );
    group.flush();
    expect(texts()).toEqual(["taken", "a good write"]);
    expect(String(failed[0])).toContain("UNIQUE");
    db.close();
  });

  it("commits the writes of many callers together at the next turn, each resolved with its own result or error", async () => {
    const { db, add, texts } = notes();
    const group = new GroupCommit(db);
    const written = Promise.allSettled([
      group.commit(() => Number(add("room 1 says hi").lastInsertRowid)),
      group.commit(() => {
        add("half of a write");
        add("room 1 says hi");
      }),
      group.commit(() => Number(add("room 3 says hi").lastInsertRowid)),
    ]);
    // Nothing is written before the callers' turn of the event loop ends.
    expect(texts()).toEqual([]);
    const [first, second, third] = await written;
    expect(first).toEqual({ status: "fulfilled", value: 1 });
    expect(second?.status).toBe("rejected");
    expect(String((second as PromiseRejectedResult).reason)).toContain("UNIQUE");
    expect(third).toEqual({ status: "fulfilled", value: 2 });
    expect(texts()).toEqual(["room 1 says hi", "room 3 says hi"]);
    db.close();
  });

  it("commits what waits at the next turn of the event loop when no commit comes", async () => {
    const { db, add, texts } = notes();
    const group = new GroupCommit(db);
    group.defer(
      () => add("on its own"),
      () => undefined,
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(texts()).toEqual(["on its own"]);
    db.close();
  });

  it("lets each caller of a shared commit run up to its next wait before the next caller goes on", async () => {
    const { db, add } = notes();
    const group = new GroupCommit(db);
    const steps: string[] = [];
    // A room's turn after its acknowledgement: several steps, each an `await`, up to the model call.
    const room = async (name: string) => {
      await group.commit(() => add(`${name} says hi`));
      for (const step of ["decide", "recall", "compose"]) {
        await Promise.resolve();
        steps.push(`${name} ${step}`);
      }
    };
    await Promise.all([room("room 1"), room("room 2")]);
    expect(steps).toEqual([
      "room 1 decide",
      "room 1 recall",
      "room 1 compose",
      "room 2 decide",
      "room 2 recall",
      "room 2 compose",
    ]);
    db.close();
  });

  it("still commits in one transaction what callers released one after another queue meanwhile", async () => {
    const { db, add, texts } = notes();
    const group = new GroupCommit(db);
    const failed: unknown[] = [];
    const room = async (name: string) => {
      await group.commit(() => add(`${name} says hi`));
      await group.commit(() => add(`${name} is answered`));
    };
    const rooms = Promise.all([room("room 1"), room("room 2"), room("room 3")]);
    // Derived in the same turn as the greetings: it waits for the next commit, which must not start before
    // the last room has gone on and queued its answer.
    group.defer(
      () => add("derived from the greetings"),
      (error) => failed.push(error),
    );
    await rooms;
    expect(group.committed).toBe(2);
    expect(texts()).toHaveLength(7);
    expect(failed).toEqual([]);
    db.close();
  });
});
