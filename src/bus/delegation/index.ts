/**
 * Delegation: agents hand tasks to each other over the bus. The registry
 * keeps the live agents and their capabilities from heartbeats; the
 * delegator picks an agent, sends a task and awaits its result by
 * correlation id, retrying elsewhere; a task server runs the tasks sent to
 * a local agent; the `delegate` action lets a character's model ask for help.
 */

export { type AgentDelegation, createAgentDelegation, creditHelpers } from "./agent-delegation.js";
export { BUS_MIGRATIONS } from "./bus-migrations.js";
export { type CapabilityStats, scoreAgent } from "./capability-stats.js";
export { createDelegateAction, type DelegateTool, type DelegationRecord } from "./delegate-action.js";
export { DelegationFailedError, type FailedAttempt } from "./delegation-failed-error.js";
export { type DelegationRequest, type DelegationResult, Delegator, type DelegatorOptions } from "./delegator.js";
export { HopLimitError } from "./hop-limit-error.js";
export { NoAgentForCapabilityError } from "./no-agent-for-capability-error.js";
export { type Heartbeat, type LiveAgent, Registry, type RegistryOptions } from "./registry.js";
export { agentTopic, inboxTopic, type TaskAnswer, type TaskRequest } from "./task.js";
export { TaskCancelledError } from "./task-cancelled-error.js";
export { TaskLog, type TaskRecord, type TaskStatus } from "./task-log.js";
export { TaskServer, type TaskServerOptions } from "./task-server.js";
