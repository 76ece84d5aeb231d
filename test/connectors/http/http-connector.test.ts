import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { createHttpConnector } from "../../../src/connectors/index.js";
import { describeConnectorContract } from "../connector-contract.js";

describeConnectorContract("http", async ({ agent, user }) => {
  const connector = createHttpConnector();
  const server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: connector.routes.fetch, hostname: "127.0.0.1", port: 0 }, () =>
      resolve(started as Server),
    ) as Server;
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  connector.servedAt(url);
  const base = `${url}/agents/${encodeURIComponent(agent)}`;
  const shown: string[] = [];
  return {
    connector,
    room: { id: `http:${user}`, kind: "direct" },
    unreachableRoom: { id: "http:someone-else", kind: "direct" },
    async say(text) {
      const response = await fetch(`${base}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ user, text }),
      });
      const { reply } = (await response.json()) as { reply: string | null };
      if (reply !== null) shown.push(reply);
    },
    async nextShown(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (shown.length === 0) {
        if (Date.now() > deadline) throw new Error(`nothing shown to ${user} within ${timeoutMs} ms`);
        const response = await fetch(`${base}/users/${encodeURIComponent(user)}/messages?wait=1`);
        const { messages } = (await response.json()) as { messages: { text: string }[] };
        shown.push(...messages.map((message) => message.text));
      }
      return shown.shift() as string;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
});
