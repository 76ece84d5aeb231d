import { z } from "zod";
import type { Character } from "../character/character.js";
import { ModelConfigError } from "./model-config-error.js";

/** OpenAI's API, when no base URL is set. */
export const OPENAI_BASE_URL = "https://api.openai.com/v1";

/** Which model service an agent talks to. */
export type ModelProvider = "offline" | "openai" | "openai-compatible";

/** Everything needed to reach an agent's models, from its character's `model` and the environment. */
export interface ModelConfig {
  provider: ModelProvider;
  /** Base URL of the API, e.g. `http://127.0.0.1:11434/v1`; undefined: OpenAI's. */
  baseUrl: string | undefined;
  apiKey: string | undefined;
  /** Where the key came from, for error messages (never the key itself). */
  apiKeySource: string;
  chatModel: string;
  /** `offline`: embed with the offline model even when chat is remote. */
  embeddingModel: string;
  /** Declared embedding dimension; undefined: known for the model or asked from the server at start. */
  embeddingDimensions: number | undefined;
  temperature: number | undefined;
  maxTokens: number | undefined;
  timeoutMs: number;
  maxRetries: number;
  fallback: "apology" | "offline";
  /** Why the agent runs on another model than its file names (no key for it, or `TROUPE_OFFLINE`): one warning line. */
  notice?: string;
}

/** Chat model used when none is named: small, cheap and on every OpenAI account. */
export const DEFAULT_CHAT_MODEL = "gpt-4o-mini";
/** Embedding model used on OpenAI when none is named. */
export const DEFAULT_EMBEDDING_MODEL = "text-embedding-3-small";
const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_RETRIES = 3;

const blankIsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsUnset, schema.optional());

/** The model variables of the environment (`.env.example` documents each one). */
const envSchema = z.object({
  TROUPE_PROVIDER: optional(z.enum(["offline", "openai", "openai-compatible"])),
  TROUPE_OFFLINE: optional(z.enum(["1", "true", "0", "false"])),
  OPENAI_API_KEY: optional(z.string()),
  OPENAI_BASE_URL: optional(z.url({ protocol: /^https?$/ })),
  TROUPE_MODEL: optional(z.string()),
  TROUPE_EMBEDDING_MODEL: optional(z.string()),
  TROUPE_EMBEDDING_DIMENSIONS: optional(z.coerce.number().int().min(1).max(65_536)),
  TROUPE_TEMPERATURE: optional(z.coerce.number().min(0).max(2)),
  TROUPE_MAX_TOKENS: optional(z.coerce.number().int().positive()),
  TROUPE_MODEL_TIMEOUT_MS: optional(z.coerce.number().int().positive()),
  TROUPE_MODEL_RETRIES: optional(z.coerce.number().int().min(0).max(10)),
  TROUPE_MODEL_FALLBACK: optional(z.enum(["apology", "offline"])),
});

/**
 * Resolves an agent's model settings: the character's `model` wins field by
 * field over the environment, except that `OPENAI_API_KEY` is never sent to a
 * base URL the character names (other than the environment's own or OpenAI's). The provider, when neither names it, follows
 * from what is set: a base URL means an OpenAI-compatible server (OpenAI
 * itself when it is api.openai.com), a key alone means OpenAI, nothing means
 * the offline model. A character file that asks for OpenAI when no key is set
 * anywhere (elizaOS files almost all say `"modelProvider": "openai"`) runs on
 * the offline model with a `notice` saying how to give it its model, and
 * `TROUPE_OFFLINE=1` (`--offline`) runs every character offline. Throws
 * `ModelConfigError` naming the variable at fault.
 *
 * @example resolveModelConfig(character, { OPENAI_BASE_URL: "http://127.0.0.1:11434/v1", TROUPE_MODEL: "llama3.2" })
 */
export function resolveModelConfig(character: Character, env: Record<string, string | undefined>): ModelConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0] as z.core.$ZodIssue;
    throw new ModelConfigError({ character: character.name, variable: String(issue.path[0]), problem: issue.message });
  }
  const vars = parsed.data;
  const own = character.model;
  const ownBaseUrl = own.baseUrl?.replace(/\/+$/, "");
  const envBaseUrl = vars.OPENAI_BASE_URL?.replace(/\/+$/, "");
  const baseUrl = ownBaseUrl ?? envBaseUrl;
  // elizaOS characters keep their key in `settings.secrets`.
  const secretKey = character.secrets.OPENAI_API_KEY || undefined;
  // The operator's key goes only to the operator's server: a character file that names another one brings its own.
  const envKey =
    ownBaseUrl === undefined || ownBaseUrl === (envBaseUrl ?? OPENAI_BASE_URL) ? vars.OPENAI_API_KEY : undefined;
  const apiKey = own.apiKey ?? secretKey ?? envKey;
  const asked = own.provider ?? vars.TROUPE_PROVIDER ?? inferProvider(baseUrl, apiKey);
  const notice = offlineNotice(character, asked, { apiKey, baseUrl, forced: isOn(vars.TROUPE_OFFLINE) });
  const provider = notice ? "offline" : asked;
  const remoteEmbeddings = provider === "openai" || vars.TROUPE_EMBEDDING_MODEL !== undefined;
  return {
    provider,
    baseUrl,
    apiKey,
    apiKeySource: keySource(character, secretKey),
    chatModel: own.model ?? vars.TROUPE_MODEL ?? DEFAULT_CHAT_MODEL,
    embeddingModel:
      own.embeddingModel ?? vars.TROUPE_EMBEDDING_MODEL ?? (remoteEmbeddings ? DEFAULT_EMBEDDING_MODEL : "offline"),
    embeddingDimensions: own.embeddingDimensions ?? vars.TROUPE_EMBEDDING_DIMENSIONS,
    temperature: own.temperature ?? vars.TROUPE_TEMPERATURE,
    maxTokens: own.maxTokens ?? vars.TROUPE_MAX_TOKENS,
    timeoutMs: own.timeoutMs ?? vars.TROUPE_MODEL_TIMEOUT_MS ?? DEFAULT_TIMEOUT_MS,
    maxRetries: vars.TROUPE_MODEL_RETRIES ?? DEFAULT_RETRIES,
    fallback: own.fallback ?? vars.TROUPE_MODEL_FALLBACK ?? "apology",
    notice,
  };
}

/** Why a character that names a remote provider runs offline instead, or undefined when it does not. */
function offlineNotice(
  character: Character,
  asked: ModelProvider,
  options: { apiKey: string | undefined; baseUrl: string | undefined; forced: boolean },
): string | undefined {
  if (asked === "offline") return undefined;
  if (options.forced) return `${character.name} runs on the offline model (TROUPE_OFFLINE is set).`;
  // Only the character file's own choice gives way: an operator who sets TROUPE_PROVIDER=openai wants the error.
  if (asked !== "openai" || character.model.provider !== "openai" || options.apiKey || options.baseUrl)
    return undefined;
  return `${character.name} asks for OpenAI in ${character.source.file}, but no OPENAI_API_KEY is set: it runs on the offline model. Set OPENAI_API_KEY (in the environment or .env) to give it its model.`;
}

function isOn(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

function keySource(character: Character, secretKey: string | undefined): string {
  if (character.model.apiKey !== undefined) return `model.apiKey in ${character.source.file}`;
  return secretKey ? `secrets.OPENAI_API_KEY in ${character.source.file}` : "OPENAI_API_KEY";
}

function inferProvider(baseUrl: string | undefined, apiKey: string | undefined): ModelProvider {
  if (baseUrl) return new URL(baseUrl).hostname === "api.openai.com" ? "openai" : "openai-compatible";
  return apiKey ? "openai" : "offline";
}
