import { z } from "zod";
import { loadWorkflow, missingInputs, type WorkflowProgress } from "../../bus/index.js";
import { listCharacterFiles } from "../../character/index.js";
import { createLogger, Troupe } from "../../runtime/index.js";
import { CliError } from "../cli-error.js";
import type { Config } from "../read-config.js";

/** Options of `troupe workflow run`. */
export interface WorkflowRunOptions {
  file: string;
  /** The run's input, a JSON object. Default `{}`. */
  input?: string;
  /** Characters to run locally (default `characters/`); with a shared bus others may run elsewhere. */
  characters?: string[];
  dataDir?: string;
  bus?: string;
}

/**
 * `troupe workflow run <file> --input '{…}'`: runs a workflow over the bus
 * with the troupe's agents, printing one line per step as it starts and
 * ends, then the output. An unfinished run of the same workflow and input
 * (the process was stopped half-way) is resumed. Exits 1 when the run failed,
 * and refuses to start when the input lacks a field the steps read.
 */
export async function workflowRunCommand(options: WorkflowRunOptions, config: Config): Promise<void> {
  const input = parseInput(options.input ?? "{}");
  const workflow = await loadWorkflow(options.file);
  const missing = missingInputs(workflow, input);
  if (missing.length > 0) {
    const example = JSON.stringify(Object.fromEntries(missing.map((name) => [name, "…"])));
    throw new CliError(
      "MISSING_INPUT",
      `Workflow ${workflow.name} needs ${missing.join(" and ")} in its input: --input '${example}'`,
    );
  }
  const logger = createLogger({ level: config.LOG_LEVEL ?? "warn" });
  const files = await listCharacterFiles(options.characters?.length ? options.characters : ["characters"]);
  const troupe = await Troupe.start(files, {
    dataDir: options.dataDir ?? config.TROUPE_DATA_DIR,
    logger,
    bus: options.bus,
    backgroundNice: config.TROUPE_BACKGROUND_NICE,
  });
  try {
    console.log(`Workflow ${workflow.name}: ${workflow.steps.length} steps`);
    const result = await troupe.node.runWorkflow(workflow, input, (progress) => console.log(describe(progress)));
    if (result.resumed) console.log(`(resumed run ${result.runId})`);
    console.log(`Workflow ${workflow.name} ${result.status} (run ${result.runId})`);
    if (result.output) console.log(result.output);
    if (result.status !== "succeeded") process.exitCode = 1;
  } finally {
    await troupe.stop();
  }
}

function describe(progress: WorkflowProgress): string {
  const step = `${progress.step} (${progress.capability})`;
  switch (progress.status) {
    case "running":
      return `… ${step} started`;
    case "succeeded":
      return progress.resumed ? `✓ ${step} done earlier by ${progress.agent}` : `✓ ${step} done by ${progress.agent}`;
    case "failed":
      return `✗ ${step} failed: ${progress.error}`;
    case "skipped":
      return `- ${step} skipped${progress.error ? `: ${progress.error}` : ""}`;
    default:
      return `  ${step} ${progress.status}`;
  }
}

function parseInput(text: string): Record<string, unknown> {
  try {
    return z.record(z.string(), z.unknown()).parse(JSON.parse(text));
  } catch {
    throw new CliError("INVALID_INPUT", `--input must be a JSON object, like '{"topic": "tides"}'; got ${text}`);
  }
}
