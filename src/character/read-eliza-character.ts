import type { Character } from "./character.js";
import type { FileReport } from "./file-report.js";
import type { OperatorPolicy } from "./operator-policy.js";
import { readMessageExamples, type Speaker } from "./read-examples.js";
import { readKnowledge } from "./read-knowledge.js";
import { readMcpServers } from "./read-mcp-servers.js";
import { readElizaModel } from "./read-model-settings.js";
import { readClients, readPlugins } from "./read-plugins.js";
import { readTroupeFields, type TroupeFields } from "./read-troupe-fields.js";
import { readObject, readString, readStringList, readStringRecord } from "./read-values.js";
import { type Env, resolveEnv } from "./resolve-env.js";

/** What one elizaOS-style file contributes, before `extends` merging and defaults. */
export type CharacterParts = Omit<Partial<Character>, "source" | "memory" | "connectors" | "model"> & TroupeFields;

/** Keys read into the character (or, for `extends`, by the loader). */
const HANDLED = new Set([
  ...["name", "username", "system", "bio", "lore", "topics", "adjectives", "style", "messageExamples"],
  ...["postExamples", "greeting", "knowledge", "plugins", "mcp", "clients", "settings", "secrets", "templates"],
  ...["capabilities", "connectors", "memory", "model", "modelProvider", "extends"],
]);

/** elizaOS keys Troupe does not use: kept in `extra` without a warning. */
const KNOWN_UNUSED = new Set([
  ...["id", "email", "people", "twitterProfile", "imageModelProvider", "imageVisionModelProvider"],
  ...["modelEndpointOverride", "clientConfig", "nft", "twitterSpaces", "$schema"],
]);

/**
 * Reads an elizaOS 0.x, 1.x or Troupe character object into parts, reporting
 * every problem. `speaker` is the character's final name (it may come from a
 * base file), used to normalise example turns; `policy` is what the operator
 * lets the file reach (knowledge folders, environment variables).
 */
export function readElizaCharacter(
  report: FileReport,
  raw: Record<string, unknown>,
  speaker: Speaker,
  env: Env,
  policy: OperatorPolicy,
): CharacterParts {
  const parts: CharacterParts = {};
  if (raw.name !== undefined && (typeof raw.name !== "string" || raw.name.trim() === "")) {
    report.problem(["name"], "expected a non-empty string", raw.name);
  } else if (raw.name !== undefined) parts.name = raw.name.trim();
  for (const key of ["username", "system", "greeting"] as const) {
    const value = readString(report, raw[key], [key]);
    if (value !== undefined) parts[key] = value;
  }
  for (const key of ["bio", "lore", "topics", "adjectives", "postExamples"] as const) {
    parts[key] = readStringList(report, raw[key], [key]);
  }
  const style = readObject(report, raw.style, ["style"]) ?? {};
  parts.style = {
    all: readStringList(report, style.all, ["style", "all"]),
    chat: readStringList(report, style.chat, ["style", "chat"]),
    post: readStringList(report, style.post, ["style", "post"]),
  };
  parts.messageExamples = readMessageExamples(report, raw.messageExamples, ["messageExamples"], speaker);
  parts.knowledge = readKnowledge(report, raw.knowledge, ["knowledge"], policy.knowledgeDirs);
  parts.plugins = readPlugins(report, raw.plugins, ["plugins"], policy.pluginDirs);
  parts.mcp = readMcpServers(report, raw.mcp, ["mcp"], policy);
  parts.clients = readClients(report, raw.clients, ["clients"]);
  parts.templates = readStringRecord(report, raw.templates, ["templates"]);

  const writtenSettings = readObject(report, raw.settings, ["settings"]) ?? {};
  const settings = resolveEnv(writtenSettings, ["settings"], env, report, policy) as Record<string, unknown>;
  const { secrets: settingsSecrets, ...otherSettings } = settings;
  parts.settings = otherSettings;
  parts.secrets = {
    ...readStringRecord(report, settingsSecrets, ["settings", "secrets"]),
    ...readStringRecord(report, resolveEnv(raw.secrets, ["secrets"], env, report, policy), ["secrets"]),
  };

  const eliza = readElizaModel(report, raw.modelProvider, otherSettings);
  const troupe = readTroupeFields(report, { ...raw, model: resolveEnv(raw.model, ["model"], env, report, policy) });
  Object.assign(parts, troupe);
  parts.model = { ...eliza.model, ...troupe.model };
  parts.extra = { ...eliza.extra, ...keptKeys(report, raw) };
  return parts;
}

function keptKeys(report: FileReport, raw: Record<string, unknown>): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (HANDLED.has(key)) continue;
    extra[key] = value;
    if (!KNOWN_UNUSED.has(key)) report.warn([key], "unknown key, kept");
  }
  return extra;
}
