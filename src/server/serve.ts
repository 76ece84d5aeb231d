import type { Server } from "node:http";
import { serve as serveNode } from "@hono/node-server";
import type { Troupe } from "../runtime/index.js";
import { createApp } from "./create-app.js";
import { ServeError } from "./serve-error.js";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the HTTP API on host:port (port 0 picks a free one) and resolves once it is listening. */
export function serve(troupe: Troupe, options: { host: string; port: number }): Promise<RunningServer> {
  const app = createApp(troupe);
  return new Promise((resolve, reject) => {
    const server = serveNode({ fetch: app.fetch, hostname: options.host, port: options.port }) as Server;
    server.once("error", (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === "EADDRINUSE" ? "the port is already in use (set --port or TROUPE_PORT)" : error.message;
      reject(new ServeError({ ...options, reason, cause: error }));
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
