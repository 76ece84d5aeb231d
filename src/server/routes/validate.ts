import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { checkCharacterFile } from "../../character/index.js";
import { requireJsonBody } from "../../connectors/index.js";
import type { Troupe } from "../../runtime/index.js";

/** How a posted character is named in its problems (the temporary file it is checked in is nobody's business). */
const POSTED = "character.json";

const resultSchema = z
  .object({
    ok: z.boolean(),
    name: z.string().optional(),
    problems: z.array(z.string()),
    warnings: z.array(z.string()),
  })
  .openapi("ValidationResult");
const route = createRoute({
  method: "post",
  path: "/validate",
  summary: "Check a character (the file's JSON as the body) the way `troupe validate` does",
  description:
    "Every dialect a character file may be in (Troupe, elizaOS 0.x and 1.x, a Tavern card's JSON). `extends` is refused: a posted character has no folder its bases could be in.",
  middleware: [requireJsonBody("the character file's JSON")],
  request: {
    body: {
      required: true,
      content: { "application/json": { schema: z.record(z.string(), z.unknown()).openapi("CharacterFile") } },
    },
  },
  responses: {
    200: { description: "Valid", content: { "application/json": { schema: resultSchema } } },
    400: { description: "Invalid: every problem", content: { "application/json": { schema: resultSchema } } },
  },
});

/** `POST /validate`: checks a character without saving or loading it. */
export function validateRoutes(troupe: Troupe): OpenAPIHono {
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return undefined;
      const problem = `${POSTED}: expected a JSON object (a character), got something else`;
      return c.json({ ok: false, error: problem, problems: [problem], warnings: [] }, 400);
    },
  });

  app.openapi(route, async (c) => {
    const character = c.req.valid("json");
    if ("extends" in character) {
      const problem = `${POSTED}: extends: not allowed here (a posted character has no folder for its bases); validate the file with troupe validate`;
      return c.json({ ok: false, problems: [problem], warnings: [] }, 400);
    }
    const dir = await mkdtemp(join(tmpdir(), "troupe-validate-"));
    try {
      const file = join(dir, POSTED);
      await writeFile(file, JSON.stringify(character));
      const check = await checkCharacterFile(file, { env: troupe.env });
      const hide = (line: string) => line.replaceAll(file, POSTED).replaceAll(dir, ".");
      const problems = check.problems.map(hide);
      const warnings = check.warnings.map(hide);
      if (!check.character) return c.json({ ok: false, problems, warnings }, 400);
      return c.json({ ok: true, name: check.character.name, problems, warnings }, 200);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  return app;
}
