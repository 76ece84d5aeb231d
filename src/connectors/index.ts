/**
 * Connectors carry messages between a platform (Discord, Telegram, Twitter,
 * the terminal, HTTP) and the runtime, translating to `InboundMessage` at the
 * edge so nothing inside depends on a platform's shapes. Each implements
 * `Connector`; the troupe starts them, routes proactive messages to them and
 * stops them.
 */
export {
  CONNECTOR_API_VERSION,
  type ConnectedAgent,
  type Connector,
  type ConnectorHandleOptions,
  type ConnectorHost,
  type ConnectorReply,
} from "./connector.js";
export type { DelegationContext, InboundMessage } from "./inbound-message.js";
