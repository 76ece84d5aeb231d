import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { loadWorkflow, type Workflow } from "./workflow-definition.js";
import { WorkflowDefinitionError } from "./workflow-definition-error.js";

/** The workflows of a folder: the valid ones, and each invalid file with its problems. */
export interface WorkflowFolder {
  workflows: { file: string; workflow: Workflow }[];
  invalid: { file: string; problems: string[] }[];
}

/** Reads every `*.json` file of `dir` as a workflow (not its subfolders); a missing folder has none. */
export async function loadWorkflowFolder(dir: string): Promise<WorkflowFolder> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [] as string[];
    throw error;
  });
  const folder: WorkflowFolder = { workflows: [], invalid: [] };
  for (const name of names.filter((each) => each.endsWith(".json")).sort()) {
    const file = join(dir, name);
    try {
      folder.workflows.push({ file, workflow: await loadWorkflow(file) });
    } catch (error) {
      if (!(error instanceof WorkflowDefinitionError)) throw error;
      folder.invalid.push({ file, problems: error.problems });
    }
  }
  return folder;
}
