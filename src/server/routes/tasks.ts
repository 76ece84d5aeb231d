import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { TaskRecord } from "../../bus/index.js";
import { badRequest, errorSchema, jsonResponse, validationHook } from "../../connectors/index.js";
import type { Troupe } from "../../runtime/index.js";

const STATES = ["sent", "succeeded", "failed", "timed-out", "cancelled"] as const;
const taskSchema = z
  .object({
    id: z.string(),
    capability: z.string(),
    from: z.string().openapi({ description: "The agent (or workflow) that delegated it" }),
    to: z.string().openapi({ description: "The agent asked" }),
    state: z.enum(STATES),
    input: z.string(),
    result: z.string().optional(),
    error: z.string().optional(),
    traceId: z.string().openapi({ description: "The conversation turn or workflow run it belongs to" }),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .openapi("Task");
const idParams = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "id", in: "path" } }),
});
const notFound = { 404: jsonResponse(errorSchema, "No task of that id") };

const listRoute = createRoute({
  method: "get",
  path: "/tasks",
  summary: "The tasks agents delegated on the bus, newest first",
  request: {
    query: z.object({
      state: z.enum(STATES).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(50),
    }),
  },
  responses: { 200: jsonResponse(z.object({ tasks: z.array(taskSchema) }), "The tasks"), ...badRequest },
});
const getRoute = createRoute({
  method: "get",
  path: "/tasks/{id}",
  summary: "One delegated task",
  request: { params: idParams },
  responses: { 200: jsonResponse(taskSchema, "The task"), ...badRequest, ...notFound },
});
const cancelRoute = createRoute({
  method: "post",
  path: "/tasks/{id}/cancel",
  summary: "Cancel a task still waiting for its answer; the agent that delegated it is told it failed",
  request: { params: idParams },
  responses: {
    200: jsonResponse(taskSchema, "The task, cancelled"),
    ...badRequest,
    ...notFound,
    409: jsonResponse(errorSchema, "The task had already finished"),
  },
});

/** `/tasks`: list, inspect and cancel the tasks agents delegate to each other. */
export function taskRoutes(troupe: Troupe): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: validationHook() });
  const log = () => troupe.node.taskLog;

  app.openapi(listRoute, (c) => {
    const { state, limit } = c.req.valid("query");
    return c.json({ tasks: (log()?.list({ status: state, limit }) ?? []).map(describe) }, 200);
  });

  app.openapi(getRoute, (c) => {
    const { id } = c.req.valid("param");
    const task = log()?.get(id);
    return task ? c.json(describe(task), 200) : c.json({ error: `No task ${id}.` }, 404);
  });

  app.openapi(cancelRoute, (c) => {
    const { id } = c.req.valid("param");
    const outcome = troupe.node.cancelTask(id);
    const task = log()?.get(id);
    if (outcome === "unknown" || !task) return c.json({ error: `No task ${id}.` }, 404);
    if (outcome === "finished") return c.json({ error: `Task ${id} has already finished (${task.status}).` }, 409);
    troupe.logger.info({ task: id, capability: task.capability }, "task cancelled through the API");
    return c.json(describe(task), 200);
  });

  return app;
}

function describe(task: TaskRecord) {
  return {
    id: task.id,
    capability: task.capability,
    from: task.fromAgent,
    to: task.toAgent,
    state: task.status,
    input: task.input,
    ...(task.result === undefined ? {} : { result: task.result }),
    ...(task.error === undefined ? {} : { error: task.error }),
    traceId: task.traceId,
    createdAt: task.createdAt,
    updatedAt: task.updatedAt,
  };
}
