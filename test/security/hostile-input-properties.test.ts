import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readEnvelope } from "../../src/bus/index.js";
import { checkCharacterFile } from "../../src/character/index.js";
import { cleanIdentity, createHttpConnector } from "../../src/connectors/index.js";
import { createLogger } from "../../src/index.js";
import { createApp } from "../../src/server/index.js";
import { createTestAgent } from "../../src/testing/index.js";
import { cleanText } from "../../src/text/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

const tempDir = useTempDir();

/** Strings an attacker would try: lone surrogates, zero-width and direction characters, escapes, huge runs. */
const hostileString = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "\ud800",
    "\udfff x",
    "\u200b\u200d\u202e\u2066",
    "\u001b[2J\u0007",
    "__proto__",
    "constructor",
    ["$", "{HOME}"].join(""),
    "../../../../etc/passwd",
  ),
  fc.integer({ min: 1, max: 3000 }).map((length) => "x".repeat(length)),
);

/** JSON values with hostile keys (`__proto__`, `constructor`) at any depth. */
const hostileJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    hostileString,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    tie("object"),
  ),
  object: fc
    .array(fc.tuple(fc.oneof(hostileString, fc.constantFrom("__proto__", "constructor", "prototype")), tie("value")), {
      maxLength: 4,
    })
    .map((entries) => JSON.stringify(Object.fromEntries(entries)))
    .map((text) => JSON.parse(text) as unknown),
})).value;

const CHARACTER_KEYS = ["name", "bio", "settings", "secrets", "model", "knowledge", "plugins", "extends", "memory"];

function expectUnpolluted(): void {
  const probe: Record<string, unknown> = {};
  expect(probe.polluted).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
}

describe("hostile input never crashes and never pollutes prototypes", () => {
  it("the character loader: random files with hostile keys, values and nesting", async () => {
    const dir = tempDir();
    const file = join(dir, "random.json");
    const fields = fc.dictionary(fc.constantFrom(...CHARACTER_KEYS, "__proto__", "constructor"), hostileJson, {
      maxKeys: 6,
    });
    const deep = fc
      .integer({ min: 60, max: 5000 })
      .map((depth) => `{"name":"D","bio":${"[".repeat(depth)}${"]".repeat(depth)}}`);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fields.map((value) => JSON.stringify(value)),
          deep,
          hostileString,
        ),
        async (text) => {
          writeFileSync(file, text);
          const check = await checkCharacterFile(file, { env: { HOME: "/root-secret" }, cwd: dir });
          expect(Array.isArray(check.problems)).toBe(true);
          expect(JSON.stringify(check)).not.toContain("/root-secret");
          expectUnpolluted();
        },
      ),
      { numRuns: 150 },
    );
  });

  it("the HTTP API: random bodies and content types get an answer, never a crash", async () => {
    const agent = await createTestAgent();
    // The API's routes need only these members of a troupe.
    const troupe = {
      agents: [agent.agent],
      agent: () => agent.agent,
      logger: createLogger({ level: "silent" }),
      webhooks: { find: () => undefined },
    };
    // The messages route is the HTTP connector's, started on the same agents.
    const http = createHttpConnector();
    await http.start({ agents: troupe.agents, logger: troupe.logger });
    const app = createApp(
      troupe as unknown as Parameters<typeof createApp>[0],
      { host: "127.0.0.1", maxBodyBytes: 4096 },
      http,
    );
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            hostileJson.map((value) => JSON.stringify(value)),
            hostileString,
          ),
          fc.constantFrom("application/json", "text/plain", "application/json; charset=utf-8", ""),
          async (body, type) => {
            const response = await app.request("http://127.0.0.1/agents/tester/messages", {
              method: "POST",
              headers: type === "" ? { host: "127.0.0.1" } : { host: "127.0.0.1", "content-type": type },
              body,
            });
            expect([200, 400, 413, 415]).toContain(response.status);
            expectUnpolluted();
          },
        ),
        { numRuns: 100 },
      );
    } finally {
      await agent.stop();
    }
  });

  it("the bus envelope parser and the text cleaners: any input, a result or an error", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileJson,
          hostileJson.map((value) => JSON.stringify(value)),
          hostileString,
        ),
        (raw) => {
          const read = readEnvelope(raw);
          expect("envelope" in read || "error" in read).toBe(true);
          expectUnpolluted();
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(hostileString, (text) => {
        for (const clean of [cleanText(text), cleanText(text, { oneLine: true }), cleanIdentity(text, 64)]) {
          expect((clean as string & { isWellFormed(): boolean }).isWellFormed()).toBe(true);
          expect(clean).not.toMatch(/(?![\n\t\r])\p{Cc}/u);
        }
        expect(Array.from(cleanIdentity(text, 64)).length).toBeLessThanOrEqual(64);
      }),
      { numRuns: 500 },
    );
  });
});
