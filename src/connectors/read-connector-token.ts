import type { Character } from "../character/index.js";

/** A platform token, and where it was found: error lines name the variable and place, never the value. */
export interface ConnectorToken {
  value: string;
  /** The variable it was read from, e.g. `TELEGRAM_BOT_TOKEN`. */
  variable: string;
  /** `secrets` or `settings` of the character file, or the process `environment` (with `.env`). */
  source: "secrets" | "settings" | "environment";
}

/**
 * Reads a character's token for one platform: from the character's
 * `secrets`, then its `settings`, then the environment, trying each of
 * `variables` in order in each place (the first is Troupe's name, the others
 * elizaOS's, e.g. `["DISCORD_BOT_TOKEN", "DISCORD_API_TOKEN"]`). Blank values
 * count as unset. Undefined when none is set.
 *
 * @example
 * const token = readConnectorToken(character, ["TELEGRAM_BOT_TOKEN"], process.env);
 * if (!token) console.log("connector telegram: off (TELEGRAM_BOT_TOKEN is not set)");
 */
export function readConnectorToken(
  character: Pick<Character, "secrets" | "settings">,
  variables: readonly string[],
  env: Record<string, string | undefined>,
): ConnectorToken | undefined {
  const places: [ConnectorToken["source"], Record<string, unknown>][] = [
    ["secrets", character.secrets],
    ["settings", character.settings],
    ["environment", env],
  ];
  for (const [source, values] of places) {
    for (const variable of variables) {
      const value = values[variable];
      if (typeof value === "string" && value.trim() !== "") return { value: value.trim(), variable, source };
    }
  }
  return undefined;
}

/** Where a token came from, for error lines: `TELEGRAM_BOT_TOKEN (Juno's secrets)`, `TELEGRAM_BOT_TOKEN (environment)`. */
export function describeTokenSource(token: ConnectorToken, characterName: string): string {
  return token.source === "environment"
    ? `${token.variable} (environment)`
    : `${token.variable} (${characterName}'s ${token.source})`;
}

/** `text` with every occurrence of `token` replaced by `***`: for library messages that may carry it in a URL. */
export function redactToken(text: string, token: string): string {
  return token ? text.split(token).join("***") : text;
}
