import type { Character } from "../character/index.js";
import { type ConnectorToken, readConnectorToken } from "./read-connector-token.js";

/** One character that runs a bot on the platform, with its token. */
export interface BotAssignment {
  character: Character;
  token: ConnectorToken;
}

/**
 * Decides which characters run a bot on a platform, and with which token.
 * A character's own token (its `secrets` or `settings`) is its own. The
 * environment's token goes to one character only, since two bots on one
 * token fight over its updates: the first whose `clients` lists the platform,
 * else the first character without a token of its own. A token already taken
 * is not used twice; `connectors.<platform>.enabled: false` opts a character out.
 */
export function assignBotTokens(
  characters: readonly Character[],
  platform: string,
  variables: readonly string[],
  env: Record<string, string | undefined>,
): BotAssignment[] {
  const candidates = characters.filter((character) => character.connectors[platform]?.enabled !== false);
  const own = candidates.flatMap((character) => {
    const token = readConnectorToken(character, variables, {});
    return token ? [{ character, token }] : [];
  });
  const shared = readConnectorToken({ secrets: {}, settings: {} }, variables, env);
  const without = candidates.filter((character) => !own.some((assignment) => assignment.character === character));
  const taker = without.find((character) => character.clients.includes(platform)) ?? without[0];
  const all = shared && taker ? [...own, { character: taker, token: shared }] : own;
  const seen = new Set<string>();
  const assignments = all.filter(({ token }) => !seen.has(token.value) && seen.add(token.value));
  return characters.flatMap((character) => assignments.filter((assignment) => assignment.character === character));
}
