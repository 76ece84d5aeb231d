import { setImmediate as nextTurn } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { openTroupeStore } from "../../src/runtime/index.js";
import { groupCommitOf } from "../../src/store/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

/**
 * A full disk makes SQLite fail at COMMIT (the write-ahead log cannot grow),
 * after every statement succeeded. A deferred foreign key fails at the same
 * place, so it stands in for the full disk here.
 */
describe("group commit when the commit itself fails", () => {
  const tempDir = useTempDir();

  function storeWithDeferredKey() {
    const db = openTroupeStore({ dataDir: tempDir() });
    db.exec(`CREATE TABLE parents (id INTEGER PRIMARY KEY);
      CREATE TABLE children (parent INTEGER REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED)`);
    return db;
  }

  it("reports the queued writes to their onError at the next turn, and the process carries on", async () => {
    const db = storeWithDeferredKey();
    const failures: string[] = [];
    groupCommitOf(db).defer(
      () => db.prepare("INSERT INTO children VALUES (42)").run(),
      (error) => failures.push((error as { code: string }).code),
    );
    await nextTurn();
    await nextTurn();
    expect(failures).toEqual(["SQLITE_CONSTRAINT_FOREIGNKEY"]);
    expect(db.prepare("SELECT COUNT(*) FROM children").pluck().get()).toBe(0);
    // The store keeps working.
    await groupCommitOf(db).commit(() => db.prepare("INSERT INTO parents VALUES (1)").run());
    expect(db.prepare("SELECT COUNT(*) FROM parents").pluck().get()).toBe(1);
    db.close();
  });

  it("reports the queued writes when the commit that carried them fails, and rejects its caller", async () => {
    const db = storeWithDeferredKey();
    const failures: unknown[] = [];
    const group = groupCommitOf(db);
    // Derived after one commit, so it rides the next waited-for one.
    const first = group.commit(() => db.prepare("INSERT INTO parents VALUES (1)").run());
    group.defer(
      () => db.prepare("INSERT INTO parents VALUES (7)").run(),
      (error) => failures.push(error),
    );
    await first;
    await expect(group.commit(() => db.prepare("INSERT INTO children VALUES (42)").run())).rejects.toThrow(
      /FOREIGN KEY/,
    );
    expect(failures).toHaveLength(1);
    expect(db.prepare("SELECT id FROM parents").pluck().all()).toEqual([1]);
    db.close();
  });
});
