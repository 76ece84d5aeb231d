import { spawn } from "node:child_process";
import { hostname } from "node:os";
import { describe, expect, it } from "vitest";
import { parseWorkflow, WorkflowStore } from "../../../src/bus/index.js";
import { openTroupeStore } from "../../../src/runtime/index.js";
import { REPO } from "../../helpers/run-cli.js";
import { useTempDir } from "../../helpers/temp-dir.js";

const article = parseWorkflow({
  name: "article",
  steps: [
    { id: "facts", capability: "research", input: "facts about {{input.topic}}" },
    { id: "draft", capability: "write", input: "draft of {{steps.facts.output}}" },
  ],
});

/** Runs a resume worker on `dataDir` to its end; resolves to what it printed. */
function resumeIn(dataDir: string): Promise<{ resumed: string[]; ran: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/bus/workflow/resume-worker.ts", dataDir], {
      cwd: REPO,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("exit", (code) => {
      if (code === 0) resolve(JSON.parse(stdout.trim().split("\n").at(-1) as string));
      else reject(new Error(`worker exited with ${code}: ${stderr}`));
    });
  });
}

/** The pid of a process that has exited: what a crashed troupe leaves in its lease. */
function deadPid(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["-e", ""]);
    child.on("exit", () => resolve(child.pid as number));
  });
}

describe("resuming workflows from a shared data folder", () => {
  const tempDir = useTempDir();

  it("two processes resume an unfinished run exactly once between them", async () => {
    const dataDir = tempDir();
    const db = openTroupeStore({ dataDir });
    const run = new WorkflowStore(db).create(article, { topic: "tides" });
    db.close();

    const [one, two] = await Promise.all([resumeIn(dataDir), resumeIn(dataDir)]);

    expect([...one.resumed, ...two.resumed]).toEqual([run.id]);
    expect([...one.ran, ...two.ran]).toEqual(["facts about tides", "draft of FACTS ABOUT TIDES"]);
    const after = openTroupeStore({ dataDir });
    expect(new WorkflowStore(after).load(run.id)?.status).toBe("succeeded");
    after.close();
  }, 30_000);

  it("takes over at once a run whose lease a crashed process on this host still holds", async () => {
    const dataDir = tempDir();
    const db = openTroupeStore({ dataDir });
    const run = new WorkflowStore(db).create(article, { topic: "tides" });
    db.prepare("UPDATE workflow_runs SET lease_owner = ?, lease_until = ? WHERE id = ?").run(
      `${hostname()}:${await deadPid()}`,
      Date.now() + 3_600_000,
      run.id,
    );
    db.close();

    expect((await resumeIn(dataDir)).resumed).toEqual([run.id]);
  }, 30_000);

  it("leaves alone a run that a live process holds", async () => {
    const dataDir = tempDir();
    const db = openTroupeStore({ dataDir });
    const run = new WorkflowStore(db).create(article, { topic: "tides" });
    // This test's own process is alive and holds the lease.
    db.prepare("UPDATE workflow_runs SET lease_owner = ?, lease_until = ? WHERE id = ?").run(
      `${hostname()}:${process.pid}`,
      Date.now() + 3_600_000,
      run.id,
    );
    db.close();

    expect(await resumeIn(dataDir)).toEqual({ resumed: [], ran: [] });
  }, 30_000);
});
