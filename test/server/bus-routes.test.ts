import { describe, expect, it } from "vitest";
import { type ApiFixture, characterJson, useApi } from "./api-harness.js";

const startApi = useApi();

interface Task {
  id: string;
  capability: string;
  from: string;
  to: string;
  state: string;
  input: string;
  result?: string;
}
interface Run {
  id: string;
  workflow: string;
  state: string;
  steps: { id: string; state: string; needs: string[]; error?: string }[];
  output?: string;
}

/** Two steps for an agent that can `ponder`; the second waits for the first. */
const PONDERING = {
  name: "pondering",
  steps: [
    { id: "think", capability: "ponder", input: "{{input.topic}}", timeoutMs: 30_000, retries: 0 },
    { id: "conclude", capability: "ponder", input: "{{steps.think.output}}", timeoutMs: 30_000, retries: 0 },
  ],
};

/** A troupe whose bus has an agent that can `ponder` and holds every task until `release`. */
async function withPonderer() {
  const api = await startApi({ juno: characterJson("Juno", "Juno hosts.") }, { workflows: { pondering: PONDERING } });
  const arrivals: (() => void)[] = [];
  const arrived: Promise<void>[] = [];
  const expectTask = () => arrived.push(new Promise((resolve) => arrivals.push(resolve)));
  expectTask();
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await api.troupe.node.serve({
    name: "Ponder",
    character: { capabilities: [{ name: "ponder", description: "Thinks slowly." }] },
    async handle(message) {
      expectTask();
      arrivals.shift()?.();
      await held;
      return { text: `pondered ${message.text}` };
    },
  });
  return {
    api,
    /** Resolves once the next task has reached the agent. */
    nextTask: () => arrived.shift() as Promise<void>,
    release,
  };
}

const json = async <T>(response: Response) => (await response.json()) as T;

async function startRun(api: ApiFixture, topic: string): Promise<Run> {
  const response = await api.call("/workflows/pondering/runs", { json: { inputs: { topic } } });
  expect(response.status).toBe(202);
  return json<Run>(response);
}

describe("workflows and tasks over HTTP", () => {
  it("lists the definitions, starts a run, shows its task, and cancels it: pending steps skipped, the task cancelled", async () => {
    const { api, nextTask, release } = await withPonderer();
    try {
      const listed = await json<{ definitions: { name: string; steps: unknown[] }[] }>(await api.call("/workflows"));
      expect(listed.definitions).toEqual([
        expect.objectContaining({
          name: "pondering",
          steps: [
            { id: "think", capability: "ponder", needs: [] },
            { id: "conclude", capability: "ponder", needs: ["think"] },
          ],
        }),
      ]);

      const run = await startRun(api, "tides");
      expect(run).toMatchObject({ workflow: "pondering", state: "running" });
      await nextTask();
      const sent = await json<{ tasks: Task[] }>(await api.call("/tasks?state=sent"));
      expect(sent.tasks).toEqual([
        expect.objectContaining({
          capability: "ponder",
          from: "workflow",
          to: "Ponder",
          state: "sent",
          input: "tides",
        }),
      ]);
      const task = sent.tasks[0] as Task;
      expect(await json(await api.call(`/tasks/${task.id}`))).toMatchObject({ id: task.id, state: "sent" });

      const cancelled = await api.call(`/workflows/runs/${run.id}/cancel`, { method: "POST" });
      expect(cancelled.status).toBe(200);
      const ended = await json<Run>(cancelled);
      expect(ended.state).toBe("cancelled");
      expect(ended.steps.map((step) => [step.id, step.state])).toEqual([
        ["think", "skipped"],
        ["conclude", "skipped"],
      ]);
      expect(await json(await api.call(`/tasks/${task.id}`))).toMatchObject({ state: "cancelled" });
      expect(await json(await api.call(`/workflows/runs/${run.id}`))).toMatchObject({ state: "cancelled" });

      const again = await api.call(`/workflows/runs/${run.id}/cancel`, { method: "POST" });
      expect(again.status).toBe(409);
      const taskAgain = await api.call(`/tasks/${task.id}/cancel`, { method: "POST" });
      expect(taskAgain.status).toBe(409);
      expect(await taskAgain.json()).toEqual({ error: `Task ${task.id} has already finished (cancelled).` });
    } finally {
      release();
    }
  });

  it("cancels one task: the step that waited for it fails and the run fails fast", async () => {
    const { api, nextTask, release } = await withPonderer();
    try {
      const run = await startRun(api, "waves");
      await nextTask();
      const [task] = (await json<{ tasks: Task[] }>(await api.call("/tasks?state=sent"))).tasks;
      const cancelled = await api.call(`/tasks/${task?.id}/cancel`, { method: "POST" });
      expect(cancelled.status).toBe(200);
      expect(await cancelled.json()).toMatchObject({ id: task?.id, state: "cancelled" });
      let state = "running";
      while (state === "running") state = (await json<Run>(await api.call(`/workflows/runs/${run.id}`))).state;
      const ended = await json<Run>(await api.call(`/workflows/runs/${run.id}`));
      expect(ended.state).toBe("failed");
      expect(ended.steps[0]).toMatchObject({ id: "think", state: "failed" });
      expect(ended.steps[1]).toMatchObject({ id: "conclude", state: "skipped" });
    } finally {
      release();
    }
  });

  it("runs a workflow to the end and lists its tasks as succeeded", async () => {
    const { api, nextTask, release } = await withPonderer();
    const run = await startRun(api, "rain");
    await nextTask();
    release();
    let current = run;
    while (current.state === "running") current = await json<Run>(await api.call(`/workflows/runs/${run.id}`));
    expect(current).toMatchObject({ state: "succeeded", output: "pondered pondered rain" });
    const done = await json<{ tasks: Task[] }>(await api.call("/tasks?state=succeeded"));
    expect(done.tasks.map((task) => task.result)).toEqual(["pondered pondered rain", "pondered rain"]);
    const runs = await json<{ runs: Run[] }>(await api.call("/workflows"));
    expect(runs.runs.map((each) => [each.id, each.state])).toEqual([[run.id, "succeeded"]]);
  });

  it("refuses a run without the inputs its steps read, an unknown workflow, and bad ids or states", async () => {
    const { api, release } = await withPonderer();
    release();
    const missing = await api.call("/workflows/pondering/runs", { json: { inputs: {} } });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: "inputs: pondering needs topic." });
    const wrongType = await api.call("/workflows/pondering/runs", { json: { inputs: "tides" } });
    expect(((await wrongType.json()) as { error: string }).error).toMatch(/^inputs: /);
    const unknown = await api.call("/workflows/nothing/runs", { json: { inputs: {} } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: "No workflow named nothing.", workflows: ["pondering"] });
    expect((await api.call("/workflows/runs/nope")).status).toBe(404);
    expect((await api.call("/workflows/runs/nope/cancel", { method: "POST" })).status).toBe(404);
    expect((await api.call("/tasks/nope")).status).toBe(404);
    expect((await api.call("/tasks/nope/cancel", { method: "POST" })).status).toBe(404);
    const badState = await api.call("/tasks?state=lost");
    expect(badState.status).toBe(400);
    expect(((await badState.json()) as { error: string }).error).toMatch(/^state: /);
  });
});

describe("POST /validate", () => {
  it("says a valid character is ok with its name, and lists an invalid one's problems without server paths", async () => {
    const api = await startApi({ juno: characterJson("Juno", "Juno hosts.") });
    const valid = await api.call("/validate", { json: { name: "Mira", bio: ["Mira maps rivers."] } });
    expect(valid.status).toBe(200);
    expect(await valid.json()).toMatchObject({ ok: true, name: "Mira", problems: [] });

    const invalid = await api.call("/validate", { json: { name: "", bio: 7 } });
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as { ok: boolean; problems: string[] };
    expect(body.ok).toBe(false);
    expect(body.problems.some((problem) => problem.includes("bio"))).toBe(true);
    expect(JSON.stringify(body)).not.toContain(api.dir);
    expect(JSON.stringify(body)).not.toContain("troupe-validate-");
  });

  it("refuses extends, which would read files on the server, and a body that is no object", async () => {
    const api = await startApi({ juno: characterJson("Juno", "Juno hosts.") });
    const climbing = await api.call("/validate", { json: { name: "X", extends: ["/etc/passwd"] } });
    expect(climbing.status).toBe(400);
    expect(((await climbing.json()) as { problems: string[] }).problems[0]).toMatch(/extends: not allowed/);
    const list = await api.call("/validate", { json: ["not", "a", "character"] });
    expect(list.status).toBe(400);
    expect(await list.json()).toMatchObject({ ok: false });
  });
});
