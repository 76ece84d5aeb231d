import { loadCharacter } from "../../src/character/index.js";
import { createModels } from "../../src/model/index.js";
import { type FakeOpenAIServer, startFakeOpenAIServer } from "../fakes/openai-server.js";
import { chatModelContract } from "./chat-model-contract.js";
import { fakeEnv } from "./remote-agent.js";

let fake: FakeOpenAIServer | undefined;
const server = () => {
  if (!fake) throw new Error("the fake OpenAI server is not running");
  return fake;
};

chatModelContract("ChatOpenAI on the fake OpenAI server", {
  create: async () => {
    fake = await startFakeOpenAIServer();
    const { character } = await loadCharacter("characters/host.json");
    return (await createModels(character, fakeEnv(fake))).chat;
  },
  willCallTool: (name, args) => server().script("chat", { kind: "tool-call", name, args }),
  willBeSlow: () => server().script("chat", { kind: "slow", delayMs: 10_000 }),
  toolsSent: () =>
    (server().requests.findLast((request) => request.endpoint === "chat")?.body.tools ?? []).map(
      (sent) => sent.function.name,
    ),
  close: async () => {
    await fake?.close();
    fake = undefined;
  },
});
