import { OfflineChatModel } from "../../src/offline/index.js";
import { sage } from "../helpers/sage-character.js";
import { chatModelContract } from "../model/chat-model-contract.js";

chatModelContract("OfflineChatModel", {
  create: async () => new OfflineChatModel({ character: sage() }),
});
