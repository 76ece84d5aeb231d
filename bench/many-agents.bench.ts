/**
 * 1,000 agents in one process: generated characters (each its own file,
 * name, bio and topics), started by `Troupe.start` as `troupe start` does,
 * on the offline model. Start time (files read, agents ready), resident
 * memory once started and after each agent has answered one message.
 * Prints one JSON line.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger, Troupe } from "troupe";
import { directMessage } from "./bench-agent.js";

const AGENTS = Number(process.env.MANY_AGENTS ?? 1000);
const TOPICS = ["gardening", "chess", "astronomy", "baking", "sailing", "poetry", "jazz", "hiking", "history", "code"];

const root = mkdtempSync(join(tmpdir(), "troupe-agents-"));
const characters = join(root, "characters");
mkdirSync(characters);
const files = Array.from({ length: AGENTS }, (_, i) => {
  const topic = TOPICS[i % TOPICS.length] as string;
  const file = join(characters, `agent-${i}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      name: `Agent${i}`,
      bio: [`Agent${i} is a friendly guide who loves ${topic}.`, "Answers briefly and kindly."],
      topics: [topic, TOPICS[(i + 3) % TOPICS.length]],
      adjectives: ["brief", "kind"],
      messageExamples: [
        [
          { name: "{{user}}", content: { text: "What do you like?" } },
          { name: `Agent${i}`, content: { text: `I love ${topic}.` } },
        ],
      ],
    }),
  );
  return file;
});

const mb = () => {
  global.gc?.();
  return Math.round(process.memoryUsage().rss / 1048576);
};
const rssBefore = mb();
const started = performance.now();
const troupe = await Troupe.start(files, {
  dataDir: join(root, "data"),
  logger: createLogger({ level: "silent" }),
  env: {},
  cwd: root,
});
const startMs = performance.now() - started;
const rssStarted = mb();
const answered = performance.now();
for (const agent of troupe.agents) {
  const reply = await agent.handle(directMessage("visitor", "Hello! What do you like?"));
  if (!reply) throw new Error(`${agent.name} did not answer`);
}
const answerMs = performance.now() - answered;
const rssAnswered = mb();
await troupe.stop();
rmSync(root, { recursive: true, force: true });
console.log(
  JSON.stringify({
    bench: "many_agents",
    agents: AGENTS,
    start_ms: Math.round(startMs),
    rss_before_mb: rssBefore,
    rss_started_mb: rssStarted,
    rss_after_one_message_each_mb: rssAnswered,
    one_message_each_ms: Math.round(answerMs),
  }),
);
