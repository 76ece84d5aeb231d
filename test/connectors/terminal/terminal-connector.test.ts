import { PassThrough } from "node:stream";
import { createTerminalConnector } from "../../../src/connectors/index.js";
import { describeConnectorContract } from "../connector-contract.js";
import { readLines } from "./read-lines.js";

describeConnectorContract("terminal", async ({ agent, user }) => {
  const input = new PassThrough();
  const output = new PassThrough();
  const lines = readLines(output);
  return {
    connector: createTerminalConnector({ agent, user, input, output, interactive: false }),
    room: { id: `terminal:${user.toLowerCase()}`, kind: "direct" },
    unreachableRoom: { id: "terminal:someone-else", kind: "direct" },
    async say(text) {
      input.write(`${text}\n`);
    },
    async nextShown(timeoutMs) {
      const line = await lines.next(timeoutMs);
      const prefix = `${agent}: `;
      if (!line.startsWith(prefix)) throw new Error(`expected a line from ${agent}, got ${JSON.stringify(line)}`);
      return line.slice(prefix.length);
    },
    async close() {
      input.end();
    },
  };
});
