/**
 * Connectors carry messages between a platform (Discord, Telegram, Twitter,
 * the terminal, HTTP) and the runtime, translating to `InboundMessage` at the
 * edge so nothing inside depends on a platform's shapes.
 */
export type { InboundMessage } from "./inbound-message.js";
