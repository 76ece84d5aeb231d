/**
 * Plugins extend an agent: actions (tools the model can call), providers
 * (context lines before generation), evaluators (after the reply), services
 * (started and stopped with the agent) and steps (added to the message
 * pipeline before generate or after reply). This folder holds the
 * contract (`definePlugin`, versioned by `apiVersion`), the loader that finds
 * plugins by package name or path and checks their shape, and the host that
 * runs them for one agent with timeouts, so a failing plugin never stops it.
 */
export type { Action, ActionContext, ActionResult } from "./action.js";
export type { ActionSource } from "./action-source.js";
export { actionToTool, type FunctionTool } from "./action-to-tool.js";
export { checkPlugin, type PluginCheck } from "./check-plugin.js";
export type { ActionRun, Evaluator, EvaluatorContext } from "./evaluator.js";
export { type LoadedPlugin, loadPlugins } from "./load-plugins.js";
export type { OutboundListener } from "./outbound-channel.js";
export { type ConfirmationAnswer, PendingConfirmations, readConfirmation } from "./pending-confirmations.js";
export { defineAction, definePlugin, PLUGIN_API_VERSION, type Plugin, type PluginDefinition } from "./plugin.js";
export { PluginConflictError } from "./plugin-conflict-error.js";
export { type HostedStep, PluginHost, type PluginHostOptions, type StepTurn } from "./plugin-host.js";
export { PluginLoadError } from "./plugin-load-error.js";
export type { OutboundMessage, PluginMemory, PluginRuntime } from "./plugin-runtime.js";
export { type PluginStep, STEP_POSITIONS, type StepContext, type StepPosition } from "./plugin-step.js";
export { PluginTimeoutError } from "./plugin-timeout-error.js";
export type { Provider, ProviderContext } from "./provider.js";
export { isPluginPath, resolvePlugin } from "./resolve-plugin.js";
export type { Service } from "./service.js";
export { withLiveReply } from "./with-live-reply.js";
export { withTimeout } from "./with-timeout.js";
