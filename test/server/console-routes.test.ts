import { mkdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { afterEach, describe, expect, it } from "vitest";
import { createConsoleRoutes } from "../../src/server/console-routes.js";
import { useTempDir } from "../helpers/temp-dir.js";

/** GET `path` as written, byte for byte (fetch would resolve `..` before sending it). */
function rawGet(
  port: number,
  path: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the web console's routes", () => {
  const tempDir = useTempDir();
  const servers: { close(): void }[] = [];
  afterEach(() => {
    for (const server of servers.splice(0)) server.close();
  });

  /** A built console in `<dir>/console` with a secret beside it, served on a free port. */
  async function serveConsole(): Promise<number> {
    const dir = tempDir();
    const assets = join(dir, "console");
    mkdirSync(join(assets, "assets"), { recursive: true });
    writeFileSync(join(assets, "index.html"), "<!doctype html><title>Troupe console</title>");
    writeFileSync(join(assets, "assets", "index-abc123.js"), "console.log('hi')");
    writeFileSync(join(assets, "assets", "index-abc123.css"), "body{}");
    writeFileSync(join(dir, "secret.txt"), "TOP SECRET");
    const server = serve({ fetch: createConsoleRoutes(assets).fetch, hostname: "127.0.0.1", port: 0 });
    servers.push(server);
    await new Promise((resolve) => server.once("listening", resolve));
    return (server.address() as AddressInfo).port;
  }

  it("serves the page at / as HTML that is revalidated, under a strict content policy", async () => {
    const port = await serveConsole();
    const page = await rawGet(port, "/");
    expect(page.status).toBe(200);
    expect(page.body).toContain("<title>Troupe console</title>");
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.headers["cache-control"]).toBe("no-cache");
    expect(page.headers["content-security-policy"]).toMatch(/script-src 'self'/);
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("serves hashed assets with their content type, cached for a year", async () => {
    const port = await serveConsole();
    const script = await rawGet(port, "/console/assets/index-abc123.js");
    expect(script.status).toBe(200);
    expect(script.body).toBe("console.log('hi')");
    expect(script.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(script.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const style = await rawGet(port, "/console/assets/index-abc123.css");
    expect(style.headers["content-type"]).toMatch(/^text\/css/);
    expect((await rawGet(port, "/console/assets/nothing.js")).status).toBe(404);
  });

  it("never serves a file outside the console's folder, however the path climbs", async () => {
    const port = await serveConsole();
    for (const path of [
      "/console/../secret.txt",
      "/console/assets/../../secret.txt",
      "/console/%2e%2e/secret.txt",
      "/console/..%2fsecret.txt",
      "/console/..%5csecret.txt",
      "/console//secret.txt",
    ]) {
      const answer = await rawGet(port, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toContain("TOP SECRET");
    }
  });

  it("says how to build the console when it is not built", async () => {
    const page = await createConsoleRoutes(undefined).request("/");
    expect(page.status).toBe(404);
    expect(await page.text()).toBe("The web console is not built: run `npm run bundle`.");
  });
});
