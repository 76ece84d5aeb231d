/**
 * The bus: agents hand work to each other. One `Bus` interface with two
 * implementations, in-process (default) and Redis Streams (several processes
 * or machines); a registry of live agents and their capabilities fed by
 * heartbeats; delegation (pick an agent, send a task, await its result by
 * correlation id, retry elsewhere); and JSON workflows (DAGs of delegated
 * steps) whose state lives in SQLite.
 */

export { type AgentDelegation, createAgentDelegation, creditHelpers } from "./agent-delegation.js";
export type { Bus, DeadLetter, Handler, SubscribeOptions, Unsubscribe } from "./bus.js";
export { BusConnectionError } from "./bus-connection-error.js";
export { BusNode, type BusNodeOptions, type ServableAgent } from "./bus-node.js";
export { type CapabilityStats, scoreAgent } from "./capability-stats.js";
export { type CreateBusOptions, createBus } from "./create-bus.js";
export { createDelegateAction, type DelegateTool } from "./delegate-action.js";
export { DelegationFailedError, type FailedAttempt } from "./delegation-failed-error.js";
export { type DelegationRequest, type DelegationResult, Delegator, type DelegatorOptions } from "./delegator.js";
export { createEnvelope, type Envelope, type EnvelopeInit, envelopeSchema, readEnvelope } from "./envelope.js";
export { HopLimitError } from "./hop-limit-error.js";
export { InProcessBus, type InProcessBusOptions } from "./in-process-bus.js";
export { NoAgentForCapabilityError } from "./no-agent-for-capability-error.js";
export { createNodeId } from "./node-id.js";
// Types only: the Redis client loads when `createBus` is given a redis:// URL, never at start.
export type { RedisBus, RedisBusOptions } from "./redis-bus.js";
export { type Heartbeat, type LiveAgent, Registry, type RegistryOptions } from "./registry.js";
export {
  type RunWorkflowOptions,
  resumeWorkflow,
  runWorkflow,
  type WorkflowProgress,
  type WorkflowRunResult,
} from "./run-workflow.js";
export { agentTopic, inboxTopic, type TaskRequest } from "./task.js";
export { TaskLog, type TaskRecord, type TaskStatus } from "./task-log.js";
export { TaskServer, type TaskServerOptions } from "./task-server.js";
export {
  loadWorkflow,
  parseWorkflow,
  type Workflow,
  type WorkflowStep,
  workflowSchema,
} from "./workflow-definition.js";
export { WorkflowDefinitionError } from "./workflow-definition-error.js";
export { type RunState, type RunStatus, type StepState, type StepStatus, WorkflowStore } from "./workflow-store.js";
export { renderTemplate } from "./workflow-template.js";
