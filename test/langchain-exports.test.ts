import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { REPO, runNode } from "./helpers/run-cli.js";

const PACKAGE = pathToFileURL(resolve(REPO, "dist/index.js")).href;
const TESTING = pathToFileURL(resolve(REPO, "dist/testing/index.js")).href;

// What an app on npm runs: the bundled package (`npm test` bundles it first), not the sources.
const APP = `
import { AIMessage, BaseChatModel, OfflineChatModel } from ${JSON.stringify(PACKAGE)};
import { createTestAgent } from ${JSON.stringify(TESTING)};

class CannedModel extends BaseChatModel {
  _llmType() { return "canned"; }
  async _generate() {
    const text = "The tide comes in at six.";
    return { generations: [{ text, message: new AIMessage(text) }] };
  }
}

const t = await createTestAgent({ chat: new CannedModel({}) });
const reply = await t.send("When is high tide?");
await t.stop();
console.log(JSON.stringify({ reply: reply.text, sameLangChain: OfflineChatModel.prototype instanceof BaseChatModel }));
`;

describe("the package's LangChain classes", () => {
  it("build a chat model of one's own that an agent answers with, on the copy the package's own models extend", async () => {
    const result = await runNode(REPO, ["--input-type=module", "-e", APP]);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ reply: "The tide comes in at six.", sameLangChain: true });
  });
});
