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
// The LangChain classes a chat model of one's own extends, from the copy bundled in Troupe: importing them from
// `@langchain/core` instead loads a second copy of it (and of langsmith and zod) beside Troupe's.
export { BaseChatModel } from "@langchain/core/language_models/chat_models";
export { AIMessage } from "@langchain/core/messages";
export type { ChatResult } from "@langchain/core/outputs";
// The zod that plugins use for action parameters, so a plugin needs no zod of its own.
export { z } from "zod";
export {
  type Bus,
  BusConnectionError,
  BusNode,
  createBus,
  createEnvelope,
  DelegationFailedError,
  type DelegationRequest,
  type DelegationResult,
  type Envelope,
  HopLimitError,
  InProcessBus,
  type LiveAgent,
  loadWorkflow,
  NoAgentForCapabilityError,
  parseWorkflow,
  type RedisBus,
  type RedisBusOptions,
  type Workflow,
  WorkflowDefinitionError,
  type WorkflowProgress,
  type WorkflowRunResult,
} from "./bus/index.js";
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
export {
  connectModels,
  createModels,
  EmbeddingDimensionsError,
  generateStructured,
  MissingApiKeyError,
  type ModelAbilities,
  ModelAuthError,
  ModelConfigError,
  ModelRequestError,
  type Models,
  ModelTimeoutError,
  ModelUnavailableError,
  type ModelUsage,
} from "./model/index.js";
export { OfflineChatModel, OfflineEmbeddings } from "./offline/index.js";
export {
  type Action,
  type ActionContext,
  type ActionResult,
  defineAction,
  definePlugin,
  type Evaluator,
  type EvaluatorContext,
  type OutboundMessage,
  PLUGIN_API_VERSION,
  type Plugin,
  PluginConflictError,
  type PluginDefinition,
  PluginLoadError,
  type PluginMemory,
  type PluginRuntime,
  type PluginStep,
  PluginTimeoutError,
  type Provider,
  type ProviderContext,
  type Service,
  type StepContext,
  type StepPosition,
} from "./plugins/index.js";
export {
  type ActionRun,
  Agent,
  type AgentReply,
  createLogger,
  type Logger,
  openTroupeStore,
  type Trace,
  type TraceSummary,
  Troupe,
  type TroupeOptions,
  type TurnTrace,
} from "./runtime/index.js";
export {
  applyMigrations,
  type OwnedMigrations,
  openStore,
  type Store,
  StoreOpenError,
} from "./store/index.js";
