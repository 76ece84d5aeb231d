import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { type CharacterInput, characterSchema } from "../character/index.js";
import type { InboundMessage } from "../connectors/index.js";
import { createEmbedder } from "../memory/index.js";
import { createModels } from "../model/index.js";
import {
  type Action,
  type ActionSource,
  checkPlugin,
  type OutboundMessage,
  type Plugin,
  PluginLoadError,
} from "../plugins/index.js";
import { Agent, type AgentReply, createLogger, type Logger, openTroupeStore } from "../runtime/index.js";
import type { Store } from "../store/index.js";

export interface TestAgentOptions {
  /** Plugins to load (their shape is checked like the loader does). */
  plugins?: Plugin[];
  /** Loose actions, outside any plugin. */
  actions?: Action[];
  /** Actions that come and go (see `ActionSource`). Default: the tools of the character's `mcp` servers. */
  actionSources?: ActionSource[];
  /** Character fields; default a plain character named "Tester" with the offline model. */
  character?: Partial<CharacterInput>;
  /** A chat model to use instead of the offline one (a scripted model, a real one). */
  chat?: BaseChatModel;
  /** Data folder; default a new temporary folder, removed by `stop`. Pass one to restart on the same data. */
  dataDir?: string;
  logger?: Logger;
  /** How long a plugin hook may run, in ms. Default 10000. */
  pluginTimeoutMs?: number;
}

/** Who sends a test message and where; defaults: user "Sam" (id "user-1") in a direct room on platform "test". */
export interface TestMessageOptions {
  user?: { id: string; name: string };
  room?: { id: string; kind: "direct" | "group" };
  platform?: string;
  /** The message mentions the agent (what a connector sets for `@agent`); needed in group rooms. */
  mention?: boolean;
}

/** An agent under test with helpers to talk to it and watch what it sends on its own. */
export interface TestAgent {
  agent: Agent;
  db: Store;
  dataDir: string;
  /**
   * Every proactive message the agent sent so far (reminders, plugin
   * replies), oldest first. The test agent stands for the platform: each
   * message it is offered counts as delivered.
   */
  outbound: OutboundMessage[];
  /** Sends a message and resolves to the reply and the actions that ran; throws if the agent stays silent. */
  send(text: string, options?: TestMessageOptions): Promise<AgentReply>;
  /** Resolves with the first proactive message (already sent or to come) that matches, or rejects after `timeoutMs` (default 5000). */
  nextOutbound(match?: (message: OutboundMessage) => boolean, timeoutMs?: number): Promise<OutboundMessage>;
  /** Stops the agent, closes the store and removes a temporary data folder. */
  stop(): Promise<void>;
}

/**
 * Creates an agent for plugin tests: the offline model (no network, no key),
 * SQLite in a temporary folder, and the given plugins.
 *
 * @example
 * import { createTestAgent } from "troupe/testing";
 * const t = await createTestAgent({ plugins: [dice] });
 * const reply = await t.send("roll a d20");
 * expect(reply.actions[0]?.name).toBe("roll_dice");
 * await t.stop();
 */
export async function createTestAgent(options: TestAgentOptions = {}): Promise<TestAgent> {
  const problems = (options.plugins ?? []).flatMap((plugin, index) => {
    const check = checkPlugin({ default: plugin });
    return check.ok ? [] : check.problems.map((problem) => `plugin ${plugin?.name ?? index}: ${problem}`);
  });
  if (problems.length > 0) throw new PluginLoadError({ problems });

  const temporary = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "troupe-test-agent-"));
  const character = characterSchema.parse({
    name: "Tester",
    bio: ["Tester is a helpful assistant used to try out plugins."],
    ...options.character,
    source: { file: join(dataDir, "character.json"), dialect: "troupe" },
  });
  const models = await createModels(character, {});
  const db = openTroupeStore({ dataDir });
  const agent = new Agent({
    character,
    db,
    chat: options.chat ?? models.chat,
    abilities: options.chat ? undefined : models.abilities,
    embedder: createEmbedder(models.embeddings, { model: models.embeddingModel, dimensions: models.dimensions }),
    logger: options.logger ?? createLogger({ level: "silent" }),
    plugins: options.plugins,
    actions: options.actions,
    actionSources: options.actionSources,
    pluginTimeoutMs: options.pluginTimeoutMs,
  });
  await agent.start();

  const outbound: OutboundMessage[] = [];
  const waiters = new Set<(message: OutboundMessage) => void>();
  const unsubscribe = agent.onOutbound((message) => {
    outbound.push(message);
    for (const waiter of waiters) waiter(message);
    return true;
  });
  // What the plugins kept while nothing listened (a reminder that fell due before the restart) goes out now.
  await agent.redeliver();

  return {
    agent,
    db,
    dataDir,
    outbound,
    async send(text, messageOptions = {}) {
      const reply = await agent.handle(testMessage(text, messageOptions));
      if (!reply) throw new Error(`${agent.name} stayed silent after ${JSON.stringify(text)}`);
      return reply;
    },
    nextOutbound(match = () => true, timeoutMs = 5000) {
      const sent = outbound.find(match);
      if (sent) return Promise.resolve(sent);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching outbound message within ${timeoutMs} ms`));
        }, timeoutMs);
        const waiter = (message: OutboundMessage) => {
          if (!match(message)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(message);
        };
        waiters.add(waiter);
      });
    },
    async stop() {
      unsubscribe();
      await agent.stop();
      db.close();
      if (temporary) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function testMessage(text: string, options: TestMessageOptions): InboundMessage {
  return {
    platform: options.platform ?? "test",
    room: options.room ?? { id: "test-room", kind: "direct" },
    user: options.user ?? { id: "user-1", name: "Sam" },
    text,
    mentionsAgent: options.mention,
  };
}
