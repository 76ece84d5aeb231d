import { evalMemoryCommand } from "/work/main/src/cli/commands/eval-memory.js";
for (const k of [5, 10, 20]) console.log(JSON.stringify(await evalMemoryCommand("/work/shared/data/memory-eval/locomo-dev.json", { k })));
