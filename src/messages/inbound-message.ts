/**
 * A message as every connector hands it to the runtime, whatever the
 * platform. Nothing past the connector needs to know the platform's shapes;
 * `raw` keeps the original event for plugins that want it.
 */
export interface InboundMessage {
  /** `discord`, `telegram`, `twitter`, `terminal`, `http`, … */
  platform: string;
  /** The platform's id for this message; a message delivered twice with the same id is handled once. */
  id?: string;
  room: {
    id: string;
    /** `direct`: a one-to-one conversation; `group`: a channel or group chat. */
    kind: "direct" | "group";
  };
  user: {
    id: string;
    name: string;
    isBot?: boolean;
  };
  text: string;
  /** The connector saw the agent mentioned (`@agent`, `<@id>`) in the message. */
  mentionsAgent?: boolean;
  /** The message replies to one of the agent's own messages. */
  repliesToAgent?: boolean;
  receivedAt?: number;
  /** Set when another agent delegated this message over the bus: the chain so far, so further delegation extends it. */
  delegation?: DelegationContext;
  raw?: unknown;
}

/** Where a delegated message comes from: the agents it passed through, and the trace it belongs to. */
export interface DelegationContext {
  path: string[];
  traceId: string;
}
