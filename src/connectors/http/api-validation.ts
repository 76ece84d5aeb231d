import { z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";

/** Every error answer of the HTTP API: one line, naming the field when a field is wrong. */
export const errorSchema = z.object({ error: z.string() }).openapi("Error");

/** An OpenAPI response of JSON in `schema`. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** The answer of a route that refuses bad input: 400, with the error line and the route's schema. */
export const badRequest = {
  400: jsonResponse(errorSchema, "A field is missing or wrong; `error` names it."),
};

/**
 * What the API answers when zod refuses a body, a path parameter or a query:
 * 400 with `{ error: "<field>: <what is wrong>" }` for the first issue (and
 * all of them under `issues`). `shape` shows what a valid body looks like.
 */
export function validationHook(shape?: string) {
  return (result: { success: true } | { success: false; error: z.ZodError }, c: Context) => {
    if (result.success) return undefined;
    const issue = result.error.issues[0];
    const field = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    const expected = shape ? ` Expected ${shape}.` : "";
    return c.json({ error: `${field}${issue?.message ?? "invalid"}.${expected}`, issues: result.error.issues }, 400);
  };
}

/** Refuses a body that does not parse as JSON with 400 (the validator would otherwise throw a bare "Malformed JSON"). */
export function requireJsonBody(shape?: string): MiddlewareHandler {
  return async (c, next) => {
    const parsed = await c.req.json().then(
      () => true,
      () => false,
    );
    if (!parsed) return c.json({ error: `The body must be JSON${shape ? `: ${shape}` : ""}.` }, 400);
    return next();
  };
}
