/**
 * A troupe process for the lease test: opens the data folder, serves the
 * article workflow's capabilities in-process (each step takes a while, so
 * two workers overlap), resumes what is unfinished and prints one JSON line:
 * the runs it resumed and the steps it ran.
 *
 * Usage: node --import tsx test/bus/workflow/resume-worker.ts <dataDir>
 */
import { setTimeout as sleep } from "node:timers/promises";
import { BusNode, InProcessBus } from "../../../src/bus/index.js";
import { openTroupeStore } from "../../../src/runtime/index.js";
import { fakeAgent } from "../fake-agents.js";

const [dataDir = ""] = process.argv.slice(2);
const db = openTroupeStore({ dataDir });
const node = await BusNode.connect({ bus: new InProcessBus() });
await node.start(db);
const ran: string[] = [];
const slow = (name: string, capability: string) =>
  fakeAgent(name, [capability], async (text) => {
    ran.push(text);
    await sleep(300);
    return text.toUpperCase();
  });
await node.serve(slow("Theo", "research"));
await node.serve(slow("Wren", "write"));
const resumed = await node.resumeWorkflows();
console.log(JSON.stringify({ resumed: resumed.map((run) => run.runId), ran }));
await node.close();
db.close();
