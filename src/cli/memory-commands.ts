import { type Command, InvalidArgumentError } from "commander";
import { evalMemoryCommand } from "./commands/eval-memory.js";

/** Registers `troupe eval memory`. */
export function addMemoryCommands(program: Command): void {
  const evaluate = program.command("eval").description("measure the troupe against benchmarks");
  evaluate
    .command("memory")
    .description("long-conversation recall: store every turn, ask every question, score evidence in the top k")
    .argument("<file>", "a dataset in the LoCoMo format (see ../shared/data/memory-eval)")
    .option("-k, --k <k>", "how many memories to recall per question", parseCount, 10)
    .action(async (file: string, options: { k: number }) => {
      console.log(JSON.stringify(await evalMemoryCommand(file, options)));
    });
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 1000)
    throw new InvalidArgumentError("expected a whole number 1-1000");
  return count;
}
