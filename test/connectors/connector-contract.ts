import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Connector, InboundMessage } from "../../src/connectors/index.js";
import { createLogger, Troupe } from "../../src/runtime/index.js";

/** Who the suite talks as, and to: the harness makes a user of that name on its platform. */
export interface HarnessContext {
  /** The agent's character name, `Juno`. */
  agent: string;
  /** The user's display name, `Sam`. */
  user: string;
}

/**
 * One connector under test, with the platform it talks to faked on
 * 127.0.0.1 (or streams): what a user does and sees there.
 */
export interface ConnectorHarness {
  /** The connector, not started: the suite connects it to a troupe. */
  connector: Connector;
  /** The room the user's messages arrive in (`InboundMessage.room`), where the agent's messages for them go. */
  room: InboundMessage["room"];
  /** A room of the connector's platform that this connector cannot reach (another user's chat, another channel). */
  unreachableRoom: InboundMessage["room"];
  /** The user writes `text` to the agent on the platform (an HTTP request, a typed line, a fake update). */
  say(text: string): Promise<void>;
  /**
   * Resolves with the next text the user sees from the agent, in order: replies and proactive
   * messages alike, without the platform's decoration (`Juno: `). Rejects after `timeoutMs`.
   */
  nextShown(timeoutMs: number): Promise<string>;
  /** Closes the fake platform. Called after the troupe has stopped. */
  close(): Promise<void>;
}

const REMINDERS_PLUGIN = resolve(import.meta.dirname, "../../plugins/reminders");
const SHOWN_TIMEOUT_MS = 10_000;

/**
 * The contract every connector passes, run once per implementation as
 * `test/bus/bus-contract.ts` is for buses: a real troupe (the offline model,
 * SQLite in a temporary folder, the reminders plugin) with one character,
 * `Juno`, connected through the connector under test. It checks that the
 * connector hands in a message and shows the reply, shows a reminder when it
 * falls due (and only then is the reminder marked delivered), refuses a room
 * it cannot reach, and stops cleanly.
 *
 * To run a new connector through it, write a test file that calls this with
 * a factory building a `ConnectorHarness`: the connector pointed at a fake of
 * its platform on 127.0.0.1 (port 0), `say` as the platform's event for a
 * user's message, `nextShown` reading what the connector sent back.
 *
 * @example
 * // test/connectors/telegram/telegram-connector.test.ts
 * describeConnectorContract("telegram", async ({ agent, user }) => {
 *   const telegram = await startFakeTelegram();
 *   return {
 *     connector: createTelegramConnector({ agent, token: "1:fake", apiRoot: telegram.url }),
 *     room: { id: String(telegram.chatWith(user)), kind: "direct" },
 *     unreachableRoom: { id: "telegram:999", kind: "direct" },
 *     say: (text) => telegram.userWrites({ from: user, text }),
 *     nextShown: (timeoutMs) => telegram.nextSentText(timeoutMs),
 *     close: () => telegram.close(),
 *   };
 * });
 */
export function describeConnectorContract(
  name: string,
  createHarness: (context: HarnessContext) => Promise<ConnectorHarness>,
): void {
  describe(`the ${name} connector (connector contract)`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });

    /** A troupe with the connector connected; `stop` stops the troupe (and so the connector) once. */
    async function connected(): Promise<{ harness: ConnectorHarness; stop: () => Promise<void> }> {
      const dir = mkdtempSync(join(tmpdir(), "troupe-connector-"));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      const file = join(dir, "juno.json");
      writeFileSync(
        file,
        JSON.stringify({
          name: "Juno",
          bio: ["Juno is the host of the troupe and keeps reminders for her guests."],
          plugins: [REMINDERS_PLUGIN],
        }),
      );
      const troupe = await Troupe.start([file], {
        dataDir: join(dir, "data"),
        logger: createLogger({ level: "silent" }),
        env: {},
      });
      const harness = await createHarness({ agent: "Juno", user: "Sam" });
      cleanups.push(() => harness.close());
      let stopping: Promise<void> | undefined;
      const stop = () => {
        stopping ??= troupe.stop();
        return stopping;
      };
      cleanups.push(stop);
      await troupe.connect(harness.connector);
      return { harness, stop };
    }

    it("hands in a user's message and shows the agent's reply", async () => {
      const { harness } = await connected();
      expect(harness.connector.connectedAs()).toBeTruthy();
      await harness.say("Hi! My name is Sam.");
      expect(await harness.nextShown(SHOWN_TIMEOUT_MS)).toContain("Sam");
    });

    it("shows a reminder when it falls due, and only then is it marked delivered", async () => {
      const { harness } = await connected();
      await harness.say("remind me in 1 second to stretch");
      expect(await harness.nextShown(SHOWN_TIMEOUT_MS)).toContain("I'll remind you to stretch");
      expect(await harness.nextShown(SHOWN_TIMEOUT_MS)).toContain("Sam, here's your reminder: stretch");
      await harness.say("what are my reminders?");
      expect(await harness.nextShown(SHOWN_TIMEOUT_MS)).toContain("You have no reminders set");
    });

    it("refuses a message for a room or platform it cannot reach, so the sender keeps it", async () => {
      const { harness } = await connected();
      const { connector, unreachableRoom } = harness;
      const message = { agent: "Juno", platform: connector.platform, room: unreachableRoom, text: "for someone else" };
      expect(await connector.deliver(message)).toBe(false);
      expect(await connector.deliver({ ...message, platform: `not-${connector.platform}` })).toBe(false);
    });

    it("stops cleanly: twice is fine, and it delivers nothing afterwards", async () => {
      const { harness, stop } = await connected();
      await harness.say("hello");
      await harness.nextShown(SHOWN_TIMEOUT_MS);
      await stop();
      await harness.connector.stop();
      expect(harness.connector.connectedAs()).toBeUndefined();
      const { room } = harness;
      expect(
        await harness.connector.deliver({ agent: "Juno", platform: harness.connector.platform, room, text: "late" }),
      ).toBe(false);
    });
  });
}
