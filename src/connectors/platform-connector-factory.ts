import type { Logger } from "pino";
import type { Character } from "../character/index.js";
import type { Connector } from "./connector.js";
import type { ConnectorToken } from "./read-connector-token.js";

/** A platform bot's connector, which can say what it answers once started (for the start-up line). */
export interface PlatformConnector extends Connector {
  /** What the bot answers, e.g. "DMs, and group messages that mention it". */
  describeAnswers(): string;
}

/** What a factory gets to build the connector of one character's bot. */
export interface PlatformConnectorOptions {
  /** The character the bot speaks as: its agent's name, policy and greeting. */
  character: Character;
  token: ConnectorToken;
  /** The environment, for the platform's other variables (API root, webhook URL). */
  env: Record<string, string | undefined>;
  logger: Logger;
}

/**
 * How `troupe start` runs one platform: which variables hold a bot token
 * (Troupe's name first, then elizaOS's), and how to build one character's
 * connector from it.
 */
export interface PlatformConnectorFactory {
  platform: string;
  tokenVariables: readonly string[];
  /** May load the platform's client library on first use (a promise): a start without the platform never loads it. */
  create(options: PlatformConnectorOptions): PlatformConnector | Promise<PlatformConnector>;
}
