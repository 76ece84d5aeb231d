import { describe, expect, it } from "vitest";
import { definePlugin } from "../../src/index.js";
import { groupCommitOf, type Store } from "../../src/store/index.js";
import { createTestAgent } from "../../src/testing/index.js";

const replyRows = (db: Store) =>
  (db.prepare("SELECT count(*) AS n FROM messages WHERE role = 'agent'").get() as { n: number }).n;

describe("commits per message", () => {
  it("answers after two commits (the message; the reply's row with what reflect learned), the memories in a third", async () => {
    const tester = await createTestAgent({ character: { name: "Juno" } });
    const group = groupCommitOf(tester.db);
    await tester.send("hello there");
    await tester.agent.settle();
    const before = group.committed;

    await tester.send("my favourite colour is teal");
    expect(group.committed - before).toBe(2);
    // Both durable when the reply comes back.
    expect(replyRows(tester.db)).toBe(2);
    expect(tester.agent.working.visibleFacts("user:user-1", { id: "test-room", kind: "direct" })).toMatchObject({
      "favourite colour": "teal",
    });
    await tester.agent.settle();
    expect(group.committed - before).toBe(3);
    // Two messages and two replies, each remembered.
    const memories = tester.db.prepare("SELECT count(*) AS n FROM memories WHERE kind = 'message'").get() as {
      n: number;
    };
    expect(memories.n).toBe(4);
    await tester.stop();
  });

  it("runs a plugin's step after reply once the reply's row is committed", async () => {
    const seen: number[] = [];
    const tester = await createTestAgent({
      plugins: [
        definePlugin({
          name: "reply-watcher",
          steps: [
            {
              name: "count-replies",
              at: "afterReply",
              run: (_ctx, next) => {
                seen.push(replyRows(tester.db));
                return next();
              },
            },
          ],
        }),
      ],
    });
    await tester.send("hello there");
    await tester.send("and again");
    expect(seen).toEqual([1, 2]);
    await tester.stop();
  });
});
