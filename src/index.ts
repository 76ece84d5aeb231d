/**
 * Troupe: Eliza-style character agents for chat platforms. This is the
 * package's public API; everything not exported here is internal.
 *
 * @example
 * import { Troupe } from "troupe";
 * const troupe = await Troupe.start(["characters/host.json"], { dataDir: "./data" });
 * const reply = await troupe.send("Juno", {
 *   platform: "http",
 *   room: { id: "demo", kind: "direct" },
 *   user: { id: "ada", name: "Ada" },
 *   text: "Hi, I'm Ada!",
 * });
 * await troupe.stop();
 */
export {
  type Capability,
  type Character,
  CharacterFileError,
  type CharacterInput,
  characterSchema,
  checkCharacterFile,
  findCharacter,
  type LoadedCharacter,
  listCharacterFiles,
  loadCharacter,
} from "./character/index.js";
export type { InboundMessage } from "./connectors/index.js";
export { type ErrorCategory, TroupeError } from "./errors/index.js";
export { createModels, type Models, OfflineChatModel, OfflineEmbeddings } from "./model/index.js";
export type { Action, ActionContext } from "./plugins/index.js";
export {
  type ActionRun,
  Agent,
  type AgentReply,
  createLogger,
  type Logger,
  Troupe,
  type TroupeOptions,
} from "./runtime/index.js";
export { openStore, type Store, StoreOpenError } from "./store/index.js";
