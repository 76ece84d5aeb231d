/**
 * Plugins add actions (tools the model can call) to an agent. This folder
 * holds their contract; actions are handed to the chat model as tools.
 */
export type { Action, ActionContext } from "./action.js";
export { actionToTool } from "./action-to-tool.js";
