import { rememberSecret } from "../errors/index.js";
import { type Character, type CharacterDialect, characterSchema } from "./character.js";
import { detectDialect } from "./detect-dialect.js";
import { createFileReport, type FileReport } from "./file-report.js";
import { mergeParts, rebaseParts } from "./merge-parts.js";
import { type OperatorPolicy, readOperatorPolicy } from "./operator-policy.js";
import { type CharacterParts, readElizaCharacter } from "./read-eliza-character.js";
import { readExtendsChain } from "./read-extends-chain.js";
import { readRawCharacter } from "./read-raw-character.js";
import { isTavernCard, readTavernCard } from "./read-tavern-card.js";
import { reportZodIssues } from "./report-zod-issues.js";
import type { Env } from "./resolve-env.js";

/** Options of `loadCharacter` and `checkCharacterFile`. */
export interface LoadCharacterOptions {
  /**
   * Where `${VAR}` in secrets is looked up, and where the operator's policy
   * (`TROUPE_KNOWLEDGE_DIRS`, `TROUPE_ALLOW_ENV`) is read. Default: `process.env`.
   */
  env?: Env;
  /** The project folder, whose `plugins/` and `node_modules/` plugins may load from. Default: the current folder. */
  cwd?: string;
}

/** What checking one character file found; `character` is set only when there are no problems. */
export interface CharacterFileCheck {
  file: string;
  problems: string[];
  warnings: string[];
  character?: Character;
}

/**
 * Reads and checks one character file in any supported dialect (elizaOS 0.x and
 * 1.x, Troupe, Tavern card v2 as JSON or PNG) and reports every problem and
 * warning. Never throws.
 */
export async function checkCharacterFile(
  file: string,
  options: LoadCharacterOptions = {},
): Promise<CharacterFileCheck> {
  const env = options.env ?? process.env;
  const report = createFileReport(file);
  const raw = await readRawCharacter(file, report);
  if (raw === undefined) return { file, problems: report.problems, warnings: report.warnings };

  const tavern = isTavernCard(raw);
  const { parts, reports } = tavern
    ? { parts: readTavernCard(report, raw), reports: [report] }
    : await readElizaChain(file, raw, report, env, readOperatorPolicy(env, options.cwd));
  const dialect: CharacterDialect = tavern ? "tavern" : detectDialect(raw);

  const problems = reports.flatMap((each) => each.problems);
  const warnings = reports.flatMap((each) => each.warnings);
  if (problems.length > 0) return { file, problems, warnings };
  const candidate = { ...parts, source: { file, dialect } };
  const parsed = characterSchema.safeParse(candidate);
  if (parsed.success) {
    // Resolved secrets join the redactor, so no log line or error can show them.
    for (const secret of [...Object.values(parsed.data.secrets), parsed.data.model.apiKey]) rememberSecret(secret);
    return { file, problems, warnings, character: parsed.data };
  }
  reportZodIssues(report, parsed.error.issues, [], candidate);
  return { file, problems: report.problems, warnings };
}

/** Reads an elizaOS-style file and the bases it `extends`, merged, each file reporting its own problems. */
async function readElizaChain(
  file: string,
  raw: Record<string, unknown>,
  report: FileReport,
  env: Env,
  policy: OperatorPolicy,
): Promise<{ parts: CharacterParts; reports: FileReport[] }> {
  const layers = await readExtendsChain(file, raw, report);
  // The final name (a base may supply it) decides which example turns are the character's own.
  const speaker = {
    name: lastString(layers.map((layer) => layer.raw.name))?.trim(),
    username: lastString(layers.map((layer) => layer.raw.username))?.trim(),
  };
  const parts = mergeParts(
    layers.map((layer) =>
      rebaseParts(readElizaCharacter(layer.report, layer.raw, speaker, env, policy), layer.file, file),
    ),
  );
  if (parts.name === undefined && raw.name === undefined) {
    report.problem(["name"], "expected a non-empty string", undefined);
  }
  return { parts, reports: layers.map((layer) => layer.report) };
}

function lastString(values: unknown[]): string | undefined {
  return values.findLast((value): value is string => typeof value === "string");
}
