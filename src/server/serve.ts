import type { Server } from "node:http";
import { serve as serveNode } from "@hono/node-server";
import { createHttpConnector, type HttpConnector } from "../connectors/index.js";
import type { Troupe } from "../runtime/index.js";
import { type AppOptions, createApp } from "./create-app.js";
import { isLoopback } from "./is-loopback.js";
import { metricsOf } from "./metrics/index.js";
import { ServeError } from "./serve-error.js";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the HTTP API on host:port (port 0 picks a free one) and resolves once
 * it is listening. An address beyond loopback (`0.0.0.0`, a LAN address) is
 * refused without a `token`: anyone on the network could speak as any user.
 * `token`, `allowedHosts` and `maxBodyBytes` are the guards' (`createApiGuards`).
 * The server owns the port; it mounts the HTTP connector's conversation
 * routes: `http`, already connected with `troupe.connect(http)`, or else a
 * new one it connects itself.
 */
export async function serve(
  troupe: Troupe,
  options: Omit<AppOptions, "host"> & { host: string; port: number; http?: HttpConnector },
): Promise<RunningServer> {
  if (!isLoopback(options.host) && !options.token) {
    const reason =
      "an address beyond loopback needs TROUPE_API_TOKEN (clients then send Authorization: Bearer <token>)";
    throw new ServeError({ host: options.host, port: options.port, reason });
  }
  const { http = createHttpConnector(), ...guarded } = options;
  // Metrics count from here on: made before the HTTP connector takes its first message.
  await metricsOf(troupe);
  if (!options.http) await troupe.connect(http);
  const app = createApp(troupe, guarded, http);
  return new Promise((resolve, reject) => {
    const server = serveNode({ fetch: app.fetch, hostname: options.host, port: options.port }) as Server;
    server.once("error", (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === "EADDRINUSE" ? "the port is already in use (set --port or TROUPE_PORT)" : error.message;
      reject(new ServeError({ host: options.host, port: options.port, reason, cause: error }));
    });
    server.once("listening", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : options.port;
      const url = `http://${options.host}:${port}`;
      http.servedAt(url);
      resolve({
        url,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
