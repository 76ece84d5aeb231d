/**
 * Cost that does not grow with what the agent remembers: messages from new
 * users in new rooms (one client taking turns over 100 of them, as an
 * operator tries it) to an agent holding 0, 10k and 100k long-term memories
 * of other rooms and users, through `agent.handle` with the instant stub
 * model. Messages/s and p50 at each size, and the ratio of 100k to none.
 * Prints one JSON line. `NEW_ROOMS_SCALE=20000` runs a smaller version.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openTroupeStore } from "troupe";
import { createBenchAgent, directMessage } from "./bench-agent.js";
import { percentile, USER_LINES } from "./bench-helpers.js";
import { InstantChatModel } from "./instant-chat-model.js";
import { zipfSentences } from "./zipf-text.js";

const LARGEST = Number(process.env.NEW_ROOMS_SCALE ?? 100_000);
const CHECKPOINTS = [0, 10_000, LARGEST].filter((size, i, all) => size <= LARGEST && all.indexOf(size) === i);
const NEW_USERS = 100;
const MESSAGES = 300;

const dataDir = mkdtempSync(join(tmpdir(), "troupe-new-rooms-"));
const db = openTroupeStore({ dataDir });
const agent = createBenchAgent({ db, dataDir, name: "Benchy", chat: new InstantChatModel() });
await agent.start();
const sentence = zipfSentences(7);

const result: Record<string, number | string> = { bench: "new_rooms_large_agent", new_users: NEW_USERS };
let stored = 0;
for (const checkpoint of CHECKPOINTS) {
  while (stored < checkpoint) {
    const batch = Math.min(1000, checkpoint - stored);
    db.transaction(() => {
      for (let i = 0; i < batch; i++, stored++)
        agent.longTerm.add({
          kind: "message",
          text: sentence(),
          room: `old-room-${stored % 500}`,
          userId: `old-${stored % 2000}`,
        });
    })();
    await agent.longTerm.flush();
  }
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < MESSAGES; i++) {
    const asked = performance.now();
    await agent.handle(
      directMessage(`new-${checkpoint}-${i % NEW_USERS}`, USER_LINES[i % USER_LINES.length] as string),
    );
    latencies.push(performance.now() - asked);
  }
  const elapsed = performance.now() - started;
  const label = checkpoint >= 1000 ? `${checkpoint / 1000}k` : String(checkpoint);
  result[`msgs_per_s_${label}`] = Math.round((MESSAGES / elapsed) * 1000);
  result[`p50_ms_${label}`] = percentile(latencies, 50);
  result[`p99_ms_${label}`] = percentile(latencies, 99);
}
const largest = `${LARGEST / 1000}k`;
result[`p50_ratio_${largest}_to_0`] =
  Math.round(((result[`p50_ms_${largest}`] as number) / (result.p50_ms_0 as number)) * 100) / 100;
await agent.stop();
db.close();
rmSync(dataDir, { recursive: true, force: true });
console.log(JSON.stringify(result));
