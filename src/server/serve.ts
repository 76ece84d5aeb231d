import type { Server } from "node:http";
import { serve as serveNode } from "@hono/node-server";
import type { Troupe } from "../runtime/index.js";
import type { ApiGuardOptions } from "./api-guard.js";
import { createApp } from "./create-app.js";
import { isLoopback } from "./is-loopback.js";
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
 */
export function serve(
  troupe: Troupe,
  options: Omit<ApiGuardOptions, "host"> & { host: string; port: number },
): Promise<RunningServer> {
  if (!isLoopback(options.host) && !options.token) {
    const reason =
      "an address beyond loopback needs TROUPE_API_TOKEN (clients then send Authorization: Bearer <token>)";
    return Promise.reject(new ServeError({ host: options.host, port: options.port, reason }));
  }
  const app = createApp(troupe, options);
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
      resolve({
        url: `http://${options.host}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
