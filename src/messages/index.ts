/**
 * Messages: the platform-neutral shape of a message as it enters an agent
 * (`InboundMessage`), and where a delegated one has been (`DelegationContext`).
 * Connectors produce it, the runtime, plugins and the bus read it. It lives
 * on the ground floor, importing nothing of Troupe, so that a lower layer
 * (plugins, the bus, memory) can name a message without importing connectors.
 * `connectors/index.ts` re-exports it.
 */
export type { DelegationContext, InboundMessage } from "./inbound-message.js";
