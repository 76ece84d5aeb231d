/**
 * Many rooms at once: 100 users, each in their own direct room, each sending
 * their next message as soon as the last one was answered (closed loop), all
 * at the same time, through `agent.handle` as a connector calls it. Once with
 * the instant stub model (aggregate messages/s and p99: what the framework
 * itself can carry), once with a stub that takes 200 ms per answer, where
 * 100 rooms can reach at most 100 ÷ 0.2 s = 500 messages/s unless the
 * framework serialises what the model does not. Prints one JSON line each.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openTroupeStore } from "troupe";
import { createBenchAgent, directMessage } from "./bench-agent.js";
import { percentile, USER_LINES } from "./bench-helpers.js";
import { InstantChatModel } from "./instant-chat-model.js";

const ROOMS = 100;

async function manyRooms(name: string, delayMs: number, perRoom: number, warmupPerRoom: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "troupe-rooms-"));
  const db = openTroupeStore({ dataDir });
  const agent = createBenchAgent({ db, dataDir, name: "Benchy", chat: new InstantChatModel({ delayMs }) });
  await agent.start();
  const latencies: number[] = [];
  const room = async (roomIndex: number, count: number, measure: boolean) => {
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      const reply = await agent.handle(directMessage(`room${roomIndex}`, USER_LINES[i % USER_LINES.length] as string));
      if (!reply) throw new Error(`no reply in room ${roomIndex}`);
      if (measure) latencies.push(performance.now() - started);
    }
  };
  const everyRoom = (count: number, measure: boolean) =>
    Promise.all(Array.from({ length: ROOMS }, (_, roomIndex) => room(roomIndex, count, measure)));
  await everyRoom(warmupPerRoom, false);
  await agent.settle();
  const started = performance.now();
  await everyRoom(perRoom, true);
  const elapsed = performance.now() - started;
  await agent.stop();
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
  console.log(
    JSON.stringify({
      bench: name,
      rooms: ROOMS,
      model_ms: delayMs,
      messages: latencies.length,
      msgs_per_s: Math.round((latencies.length / elapsed) * 1000),
      p50_ms: percentile(latencies, 50),
      p99_ms: percentile(latencies, 99),
    }),
  );
}

await manyRooms("many_rooms_instant_model", 0, 40, 5);
await manyRooms("many_rooms_200ms_model", 200, 10, 1);
