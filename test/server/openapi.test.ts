import { describe, expect, it } from "vitest";
import { characterJson, useApi } from "./api-harness.js";

const startApi = useApi();
const TOKEN = "tok-9c41e7b2a05d";

/** Every route of the API as `METHOD /path`, in OpenAPI's `{param}` form. Update it with the routes. */
const ROUTES = [
  "GET /health",
  "GET /ready",
  "GET /metrics",
  "POST /mcp",
  "GET /agents/{name}/traces",
  "GET /traces/{id}",
  "GET /agents",
  "GET /agents/{name}",
  "POST /agents/{name}/pause",
  "POST /agents/{name}/resume",
  "POST /agents/{name}/reload",
  "POST /agents/{name}/messages",
  "GET /agents/{name}/users/{user}/messages",
  "GET /agents/{name}/memories",
  "DELETE /agents/{name}/memories/{id}",
  "GET /agents/{name}/users/{user}/working-memory",
  "PATCH /agents/{name}/users/{user}/working-memory",
  "GET /tasks",
  "GET /tasks/{id}",
  "POST /tasks/{id}/cancel",
  "GET /workflows",
  "GET /workflows/runs/{id}",
  "POST /workflows/runs/{id}/cancel",
  "POST /workflows/{name}/runs",
  "POST /validate",
];

interface Document {
  openapi: string;
  paths: Record<
    string,
    Record<string, { responses?: Record<string, unknown>; parameters?: { name: string; in: string }[] }>
  >;
  components?: { schemas?: Record<string, unknown> };
}

async function openapi(): Promise<{
  document: Document;
  call: (path: string, init?: RequestInit) => Promise<Response>;
}> {
  const api = await startApi({ juno: characterJson("Juno", "Juno hosts.") }, { token: TOKEN });
  const document = (await (await api.call("/openapi.json")).json()) as Document;
  return { document, call: (path, init) => fetch(`${api.server.url}${path}`, init) };
}

describe("GET /openapi.json", () => {
  it("describes every route, each with its answers and the parameters of its path", async () => {
    const { document } = await openapi();
    expect(document.openapi).toBe("3.1.0");
    const listed = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(listed.sort()).toEqual([...ROUTES].sort());
    for (const [path, operations] of Object.entries(document.paths)) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      for (const operation of Object.values(operations)) {
        expect(Object.keys(operation.responses ?? {}).some((status) => /^2\d\d$/.test(status))).toBe(true);
        const declared = (operation.parameters ?? []).filter((parameter) => parameter.in === "path");
        expect(declared.map((parameter) => parameter.name).sort()).toEqual(inPath.sort());
      }
    }
  });

  it("refers only to schemas it defines", async () => {
    const { document } = await openapi();
    const text = JSON.stringify(document);
    const refs = [...text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1] as string);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(document.components?.schemas?.[ref], ref).toBeDefined();
  });

  it("is behind the token, like every route but /health and /ready", async () => {
    const { document, call } = await openapi();
    expect((await call("/openapi.json")).status).toBe(401);
    for (const [path, operations] of Object.entries(document.paths)) {
      const url = path.replace("{name}", "juno").replace(/\{\w+\}/g, "x");
      for (const method of Object.keys(operations)) {
        const init = { method: method.toUpperCase(), headers: { "content-type": "application/json" } };
        const wrong = { ...init, headers: { ...init.headers, authorization: "Bearer tok-9c41e7b2a05e" } };
        const open = path === "/health" || path === "/ready";
        for (const attempt of [init, wrong]) {
          const { status } = await call(url, attempt);
          if (open) expect(status, `${method} ${path} is open`).not.toBe(401);
          else expect(status, `${method} ${path}`).toBe(401);
        }
      }
    }
  });
});
