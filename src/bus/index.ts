/**
 * The bus: agents hand work to each other. One `Bus` interface (`bus.ts`)
 * carrying `Envelope`s, with two transports, in-process (default) and Redis
 * Streams (several processes or machines), in `transport/`; delegation (a
 * registry of live agents fed by heartbeats; pick an agent, send a task,
 * await its result by correlation id, retry elsewhere) in `delegation/`;
 * JSON workflows (DAGs of delegated steps whose state lives in SQLite) in
 * `workflow/`. `BusNode` puts the three together for one process.
 */

export type { Bus, BusStatus, DeadLetter, Handler, PublishOptions, SubscribeOptions, Unsubscribe } from "./bus.js";
export { BusNode, type BusNodeOptions, type ServableAgent } from "./bus-node.js";
export { busPrefix } from "./bus-prefix.js";
export {
  type AgentDelegation,
  agentTopic,
  BUS_MIGRATIONS,
  type CapabilityStats,
  createAgentDelegation,
  createDelegateAction,
  creditHelpers,
  type DelegateTool,
  DelegationFailedError,
  type DelegationRecord,
  type DelegationRequest,
  type DelegationResult,
  Delegator,
  type DelegatorOptions,
  type FailedAttempt,
  type Heartbeat,
  HopLimitError,
  inboxTopic,
  type LiveAgent,
  NoAgentForCapabilityError,
  Registry,
  type RegistryOptions,
  scoreAgent,
  type TaskAnswer,
  TaskCancelledError,
  TaskLog,
  type TaskRecord,
  type TaskRequest,
  TaskServer,
  type TaskServerOptions,
  type TaskStatus,
} from "./delegation/index.js";
export { createEnvelope, type Envelope, type EnvelopeInit, envelopeSchema, readEnvelope } from "./envelope.js";
export { createNodeId } from "./node-id.js";
// Types only for Redis: the Redis client loads when `createBus` is given a redis:// URL, never at start.
export {
  BusConnectionError,
  type CreateBusOptions,
  createBus,
  InProcessBus,
  type InProcessBusOptions,
  type RedisBus,
  type RedisBusOptions,
} from "./transport/index.js";
export {
  loadWorkflow,
  loadWorkflowFolder,
  missingInputs,
  parseWorkflow,
  type RunState,
  type RunStatus,
  type RunWorkflowOptions,
  renderTemplate,
  resumeWorkflow,
  runWorkflow,
  type StepState,
  type StepStatus,
  WORKFLOW_MIGRATIONS,
  type Workflow,
  WorkflowDefinitionError,
  type WorkflowFolder,
  type WorkflowProgress,
  type WorkflowRunResult,
  type WorkflowStep,
  WorkflowStore,
  workflowSchema,
} from "./workflow/index.js";
