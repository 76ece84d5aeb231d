import { z } from "zod";

/** What the agent can do for other agents over the bus, e.g. `{ name: "research" }`. */
export const capabilitySchema = z.object({
  name: z.string().min(1),
  description: z.string().default(""),
});
export type Capability = z.infer<typeof capabilitySchema>;

/** Bot messages an agent answers in a row in one room before it waits for a human, unless its policy says otherwise. */
export const DEFAULT_MAX_BOT_EXCHANGES = 3;

/** Per-platform policy: when to answer and whom. */
export const connectorPolicySchema = z.object({
  /** `false`: this character runs no bot on the platform, even with a token. */
  enabled: z.boolean().default(true),
  /**
   * In group rooms: `mentions` answers only when addressed (mentioned, replied
   * to, or named), `all` answers everything, `never` nothing. Direct messages
   * are always answered (within the allowlists).
   */
  respondTo: z.enum(["mentions", "all", "never"]).default("mentions"),
  /** Answer other bots' messages too (never its own). Default (unset): bots are ignored. */
  allowBots: z.boolean().optional(),
  /** With `allowBots`: bot messages answered in a row in one room before the agent waits for a human. Default 3. */
  maxBotExchanges: z.number().int().min(0).optional(),
  /** Show a reply while the model writes it, by editing a draft message (platforms that can edit). Default: off. */
  streamReplies: z.boolean().optional(),
  allowUsers: z.array(z.string()).optional(),
  allowRooms: z.array(z.string()).optional(),
  admins: z.array(z.string()).default([]),
});
export type ConnectorPolicy = z.infer<typeof connectorPolicySchema>;

/**
 * An extra profile field a character asks the agent to remember about each
 * user (`memory.profile` in the character file): a small JSON Schema
 * (`type`, `pattern`, `enum`) that the value must match, and `phrases` that
 * introduce it besides "my <field> is …". Example:
 * `{ "favourite team": { "type": "string", "pattern": "^\\p{Lu}", "phrases": ["I support"] } }`.
 */
export const profileFieldSchema = z.object({
  type: z.enum(["string", "number", "integer"]).default("string"),
  /** A regular expression (Unicode) the whole value must match. */
  pattern: z
    .string()
    .refine((pattern) => isRegExp(pattern), "expected a valid regular expression")
    .optional(),
  /** The only values allowed, matched without regard to case. */
  enum: z.array(z.string().min(1)).min(1).optional(),
  /** Words that introduce the value, e.g. "I support" for a favourite team. */
  phrases: z.array(z.string().min(1)).default([]),
  description: z.string().optional(),
});
export type ProfileField = z.infer<typeof profileFieldSchema>;

function isRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}

export const memorySettingsSchema = z.object({
  /** Recent turns of the room kept verbatim in the prompt. */
  shortTermTurns: z.number().int().min(1).max(500).default(20),
  /** Long-term memories recalled per message. */
  recallK: z.number().int().min(0).max(100).default(6),
  /** Rough token budget for the whole prompt (system + context + history). */
  tokenBudget: z.number().int().min(256).default(4000),
  /** Conversation memories older than this many days are forgotten at each start (knowledge stays). Default: kept. */
  retentionDays: z.number().int().min(1).optional(),
  /** Extra profile fields to remember about each user, by name (see `profileFieldSchema`). */
  profile: z.record(z.string().min(1), profileFieldSchema).optional(),
});
export type MemorySettings = z.infer<typeof memorySettingsSchema>;

export const modelSettingsSchema = z.object({
  provider: z.enum(["offline", "openai", "openai-compatible"]).optional(),
  model: z.string().optional(),
  baseUrl: z.string().optional(),
  apiKey: z.string().optional(),
  embeddingModel: z.string().optional(),
  embeddingDimensions: z.number().int().positive().optional(),
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.number().int().positive().optional(),
  timeoutMs: z.number().int().positive().optional(),
  /** While the provider is down: `apology` (default) answers with a short in-character apology, `offline` uses the offline model. */
  fallback: z.enum(["apology", "offline"]).optional(),
});
export type ModelSettings = z.infer<typeof modelSettingsSchema>;

/** One knowledge item: inline text, a file, or a directory of files (paths resolved against the character file). */
export const knowledgeItemSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), text: z.string() }),
  z.object({ kind: z.literal("path"), path: z.string(), shared: z.boolean().optional() }),
  z.object({ kind: z.literal("directory"), directory: z.string(), shared: z.boolean().optional() }),
]);
export type KnowledgeItem = z.infer<typeof knowledgeItemSchema>;

/** One turn of an example conversation. `user` is "{{user}}" for the person talking to the character. */
export const exampleTurnSchema = z.object({
  user: z.string(),
  text: z.string(),
  action: z.string().optional(),
});
export type ExampleTurn = z.infer<typeof exampleTurnSchema>;

/**
 * An MCP server whose tools become the agent's actions (`mcp` in the
 * character file): a program run over stdio (`command`, `args`) or a
 * streamable HTTP endpoint (`url`), never both. `tools` keeps only the tools
 * named (default: all of them); `timeoutMs` bounds each call. Which commands
 * and URLs may be used is the operator's choice (`TROUPE_MCP_COMMANDS`,
 * `TROUPE_MCP_URLS`), checked when the file is read.
 */
export const mcpServerSchema = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, "expected 1-32 letters, digits, _ or -"),
    command: z.string().min(1).max(1024).optional(),
    args: z.array(z.string().max(4096)).max(64).default([]),
    url: z
      .url({ protocol: /^https?$/, error: "expected an http:// or https:// URL" })
      .max(2048)
      .optional(),
    tools: z.array(z.string().min(1).max(128)).max(256).optional(),
    timeoutMs: z.number().int().min(100).max(300_000).default(10_000),
  })
  .refine((server) => (server.command === undefined) !== (server.url === undefined), {
    error: "expected either command (a program spoken to over stdio) or url (streamable HTTP), not both",
  });
export type McpServerConfig = z.infer<typeof mcpServerSchema>;

export const characterDialectSchema = z.enum(["troupe", "eliza-0", "eliza-1", "tavern"]);
export type CharacterDialect = z.infer<typeof characterDialectSchema>;

/**
 * Troupe's internal, normalised character. Every loader (elizaOS 0.x and 1.x,
 * Tavern card v2, Troupe's own additions) produces this shape; the rest of the
 * runtime reads only this.
 */
export const characterSchema = z.object({
  name: z.string().min(1),
  username: z.string().optional(),
  /** Extra system prompt text written by the author. */
  system: z.string().optional(),
  bio: z.array(z.string()).default([]),
  lore: z.array(z.string()).default([]),
  topics: z.array(z.string()).default([]),
  adjectives: z.array(z.string()).default([]),
  style: z
    .object({
      all: z.array(z.string()).default([]),
      chat: z.array(z.string()).default([]),
      post: z.array(z.string()).default([]),
    })
    .default({ all: [], chat: [], post: [] }),
  /** Example conversations; in each, the character's own turns have `user` equal to its name. */
  messageExamples: z.array(z.array(exampleTurnSchema)).default([]),
  postExamples: z.array(z.string()).default([]),
  /** First message the character says to a new user (Tavern `first_mes`). */
  greeting: z.string().optional(),
  knowledge: z.array(knowledgeItemSchema).default([]),
  /** Plugin package names or paths, as written in the file. */
  plugins: z.array(z.string()).default([]),
  /** MCP servers whose tools become the agent's actions, as allowed by the operator. */
  mcp: z.array(mcpServerSchema).max(16).default([]),
  /** elizaOS `clients` (platform names), kept to enable matching connectors. */
  clients: z.array(z.string()).default([]),
  /** Settings with `${VAR}` already resolved from the environment. */
  settings: z.record(z.string(), z.unknown()).default({}),
  /** Secrets with `${VAR}` resolved. Never logged. */
  secrets: z.record(z.string(), z.string()).default({}),
  templates: z.record(z.string(), z.string()).default({}),
  capabilities: z.array(capabilitySchema).default([]),
  connectors: z.record(z.string(), connectorPolicySchema).default({}),
  memory: memorySettingsSchema.default({ shortTermTurns: 20, recallK: 6, tokenBudget: 4000 }),
  model: modelSettingsSchema.default({}),
  /** Where the character came from. */
  source: z.object({ file: z.string(), dialect: characterDialectSchema }),
  /** Keys the loader did not know, kept as they were (a warning names them). */
  extra: z.record(z.string(), z.unknown()).default({}),
});

export type Character = z.infer<typeof characterSchema>;
export type CharacterInput = z.input<typeof characterSchema>;
