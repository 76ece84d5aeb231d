import {
  assignBotTokens,
  describeTokenSource,
  type PlatformConnectorFactory,
  redactToken,
} from "../connectors/index.js";
import { TroupeError } from "../errors/index.js";
import type { Troupe } from "../runtime/index.js";

/** A start-up line, and whether it reports a failure (printed on standard error). */
export interface StartupLine {
  text: string;
  failed?: boolean;
}

/**
 * Starts the platform bots of the troupe's characters: for each platform,
 * the characters with a token (see `assignBotTokens`) each get a connector,
 * connected with `troupe.connect`. Returns one line per bot, or one line
 * saying the platform is off and why. A bot that fails to start (a rejected
 * token) is one line naming the character and variable; the others go on.
 *
 * @example
 * for (const line of await connectPlatforms(troupe, process.env, PLATFORM_CONNECTORS)) console.log(line.text);
 */
export async function connectPlatforms(
  troupe: Troupe,
  env: Record<string, string | undefined>,
  factories: readonly PlatformConnectorFactory[],
): Promise<StartupLine[]> {
  const characters = troupe.agents.map((agent) => agent.character);
  const perPlatform = await Promise.all(
    factories.map(async (factory): Promise<StartupLine[]> => {
      const bots = assignBotTokens(characters, factory.platform, factory.tokenVariables, env);
      if (bots.length === 0) {
        return [{ text: `connector ${factory.platform}: off (${factory.tokenVariables[0]} is not set)` }];
      }
      return Promise.all(
        bots.map(async ({ character, token }): Promise<StartupLine> => {
          const logger = troupe.logger.child({ connector: factory.platform, agent: character.name });
          try {
            const connector = await factory.create({ character, token, env, logger });
            await troupe.connect(connector);
            return {
              text: `${factory.platform} ${connector.connectedAs()} for ${character.name}: ${connector.describeAnswers()}`,
            };
          } catch (error) {
            // The token may sit in a URL inside a library's message or stack: it never reaches a line or a log.
            logger.debug(
              { stack: redactToken(String((error as Error)?.stack ?? error), token.value) },
              "connector failed",
            );
            const reason = TroupeError.isInstance(error)
              ? error.message
              : `could not start, with ${describeTokenSource(token, character.name)}: ${redactToken(String((error as Error)?.message ?? error), token.value)}`;
            return { text: `connector ${factory.platform} for ${character.name}: ${reason}`, failed: true };
          }
        }),
      );
    }),
  );
  return perPlatform.flat();
}
