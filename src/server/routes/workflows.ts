import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { loadWorkflowFolder, missingInputs, type RunState, type Workflow } from "../../bus/index.js";
import { badRequest, errorSchema, jsonResponse, requireJsonBody, validationHook } from "../../connectors/index.js";
import type { Troupe } from "../../runtime/index.js";

const STEP_STATES = ["pending", "running", "succeeded", "failed", "skipped"] as const;
const definitionSchema = z
  .object({
    name: z.string(),
    description: z.string(),
    file: z.string(),
    onFailure: z.enum(["fail-fast", "continue"]),
    steps: z.array(z.object({ id: z.string(), capability: z.string(), needs: z.array(z.string()) })),
  })
  .openapi("WorkflowDefinition");
const runSchema = z
  .object({
    id: z.string(),
    workflow: z.string(),
    state: z.enum(["running", "succeeded", "failed", "partial", "cancelled"]),
    input: z.record(z.string(), z.unknown()),
    output: z.string().optional(),
    error: z.string().optional(),
    steps: z.array(
      z.object({
        id: z.string(),
        capability: z.string(),
        needs: z.array(z.string()),
        state: z.enum(STEP_STATES),
        agent: z.string().optional(),
        attempts: z.number().int(),
        output: z.string().optional(),
        error: z.string().optional(),
      }),
    ),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .openapi("WorkflowRun");
const runParams = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "id", in: "path" } }),
});
const noRun = { 404: jsonResponse(errorSchema, "No run of that id") };

const listRoute = createRoute({
  method: "get",
  path: "/workflows",
  summary: "The workflow definitions in the workflows folder, and the runs, newest first",
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) },
  responses: {
    200: jsonResponse(
      z.object({
        definitions: z.array(definitionSchema),
        invalid: z.array(z.object({ file: z.string(), problems: z.array(z.string()) })),
        runs: z.array(runSchema),
      }),
      "Definitions, invalid definition files with their problems, and runs",
    ),
    ...badRequest,
  },
});
const getRunRoute = createRoute({
  method: "get",
  path: "/workflows/runs/{id}",
  summary: "One workflow run with the state of each step",
  request: { params: runParams },
  responses: { 200: jsonResponse(runSchema, "The run"), ...badRequest, ...noRun },
});
const cancelRunRoute = createRoute({
  method: "post",
  path: "/workflows/runs/{id}/cancel",
  summary: "Cancel a running workflow: no step starts any more, running steps' tasks are cancelled",
  request: { params: runParams },
  responses: {
    200: jsonResponse(runSchema, "The run, ended"),
    ...badRequest,
    ...noRun,
    409: jsonResponse(errorSchema, "The run had already ended"),
  },
});
const startRunRoute = createRoute({
  method: "post",
  path: "/workflows/{name}/runs",
  summary: "Start a run of a workflow with its inputs (an unfinished run with the same inputs is resumed)",
  middleware: [requireJsonBody('{"inputs": {…}}')],
  request: {
    params: z.object({
      name: z
        .string()
        .min(1)
        .max(200)
        .openapi({ param: { name: "name", in: "path" } }),
    }),
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({ inputs: z.record(z.string(), z.unknown()).default({}) })
            .strict()
            .openapi("WorkflowRunRequest"),
        },
      },
    },
  },
  responses: {
    202: jsonResponse(runSchema, "The run, started"),
    ...badRequest,
    404: jsonResponse(errorSchema.extend({ workflows: z.array(z.string()) }), "No workflow of that name"),
  },
});

/**
 * `/workflows`: the definitions in `dir` (read at each request, so a new file
 * shows without a restart), the runs, and starting and cancelling runs.
 */
export function workflowRoutes(troupe: Troupe, dir: string): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: validationHook() });
  const store = () => troupe.node.workflowRuns;

  app.openapi(listRoute, async (c) => {
    const folder = await loadWorkflowFolder(dir);
    const runs = store()?.list(c.req.valid("query").limit) ?? [];
    return c.json(
      {
        definitions: folder.workflows.map(({ file, workflow }) => ({
          name: workflow.name,
          description: workflow.description,
          file,
          onFailure: workflow.onFailure,
          steps: workflow.steps.map((step) => ({ id: step.id, capability: step.capability, needs: step.dependsOn })),
        })),
        invalid: folder.invalid,
        runs: runs.map(describeRun),
      },
      200,
    );
  });

  app.openapi(getRunRoute, (c) => {
    const { id } = c.req.valid("param");
    const run = store()?.load(id);
    return run ? c.json(describeRun(run), 200) : c.json({ error: `No workflow run ${id}.` }, 404);
  });

  app.openapi(cancelRunRoute, async (c) => {
    const { id } = c.req.valid("param");
    const cancelled = troupe.node.cancelWorkflow(id);
    if (!("ended" in cancelled)) {
      return cancelled.outcome === "unknown"
        ? c.json({ error: `No workflow run ${id}.` }, 404)
        : c.json({ error: `Workflow run ${id} has already ended.` }, 409);
    }
    // Running steps' tasks are cancelled too, so the run ends at once.
    await cancelled.ended;
    troupe.logger.info({ run: id }, "workflow run cancelled through the API");
    return c.json(describeRun(store()?.load(id) as RunState), 200);
  });

  app.openapi(startRunRoute, async (c) => {
    const { name } = c.req.valid("param");
    const folder = await loadWorkflowFolder(dir);
    const wanted = name.toLowerCase();
    const workflow = folder.workflows.find((each) => each.workflow.name.toLowerCase() === wanted)?.workflow;
    if (!workflow) {
      const workflows = folder.workflows.map((each) => each.workflow.name);
      return c.json({ error: `No workflow named ${name}.`, workflows }, 404);
    }
    const { inputs } = c.req.valid("json");
    const missing = missingInputs(workflow, inputs);
    if (missing.length > 0) return c.json({ error: `inputs: ${workflow.name} needs ${missing.join(" and ")}.` }, 400);
    const { runId, finished } = await troupe.node.startWorkflow(workflow, inputs);
    finished.catch((error: unknown) => troupe.logger.error({ err: error, run: runId }, "workflow run failed"));
    return c.json(describeRun(store()?.load(runId) as RunState), 202);
  });

  return app;
}

function describeRun(run: RunState) {
  const steps = (run.workflow as Workflow).steps;
  return {
    id: run.id,
    workflow: run.workflow.name,
    state: run.cancelled && run.status !== "running" ? ("cancelled" as const) : run.status,
    input: run.input,
    ...(run.output === undefined ? {} : { output: run.output }),
    ...(run.error === undefined ? {} : { error: run.error }),
    steps: steps.map((step) => {
      const state = run.steps.get(step.id);
      return {
        id: step.id,
        capability: step.capability,
        needs: step.dependsOn,
        state: state?.status ?? ("pending" as const),
        ...(state?.agent === undefined ? {} : { agent: state.agent }),
        attempts: state?.attempts ?? 0,
        ...(state?.output === undefined ? {} : { output: state.output }),
        ...(state?.error === undefined ? {} : { error: state.error }),
      };
    }),
    createdAt: run.createdAt,
    updatedAt: run.updatedAt,
  };
}
