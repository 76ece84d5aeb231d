import { serveStatic } from "@hono/node-server/serve-static";
import { Hono, type MiddlewareHandler } from "hono";

/**
 * The page may load only what this server serves: its own scripts and styles, and fetches to this API.
 * The console needs nothing else (no CDN, no web fonts), so anything more is an injection.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The web console's routes: `GET /` is its page, `GET /console/*` its assets from `assets` (dist/console).
 * Asset names carry a content hash, so they are cached for a year; the page is revalidated every time, so a
 * new build shows at once. A path that climbs out (`..`, an encoded slash) is not served (serveStatic
 * refuses it). Without `assets` (the console was never built) the page says how to build it.
 */
export function createConsoleRoutes(assets: string | undefined): Hono {
  const routes = new Hono();
  routes.use("/", secureHeaders);
  routes.use("/console/*", secureHeaders);
  if (!assets) {
    routes.get("/", (c) => c.text("The web console is not built: run `npm run bundle`.", 404));
    return routes;
  }
  routes.get(
    "/",
    serveStatic({ root: assets, path: "index.html", onFound: (_path, c) => c.header("Cache-Control", "no-cache") }),
  );
  routes.get(
    "/console/*",
    serveStatic({
      root: assets,
      rewriteRequestPath: (path) => path.slice("/console".length),
      onFound: (path, c) => {
        const hashed = /[\\/]assets[\\/]/.test(path);
        c.header("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
      },
    }),
  );
  routes.get("/console/*", (c) => c.json({ error: "No such console file." }, 404));
  return routes;
}

const secureHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  c.header("X-Content-Type-Options", "nosniff");
  c.header("Referrer-Policy", "no-referrer");
};
