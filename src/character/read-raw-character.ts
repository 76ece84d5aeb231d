import { readFile, stat } from "node:fs/promises";
import { type FileReport, isObject } from "./file-report.js";
import { parseJsonc } from "./parse-jsonc.js";
import { isPng, readPngCard } from "./png-card.js";

/** Largest character text (JSON, or the card inside a PNG): the biggest real files are a few hundred KB. */
export const MAX_CHARACTER_BYTES = 4 * 1024 * 1024;
/** Largest PNG card file: the picture may be large, the card inside it still obeys `MAX_CHARACTER_BYTES`. */
export const MAX_PNG_CARD_BYTES = 16 * 1024 * 1024;

/**
 * Reads a character file (JSON, JSONC or a PNG card) into its raw top-level
 * object. On failure records one problem in `report` and returns undefined.
 * A file over the size limits is refused before it is read whole.
 */
export async function readRawCharacter(file: string, report: FileReport): Promise<Record<string, unknown> | undefined> {
  let bytes: Buffer;
  try {
    const { size } = await stat(file);
    if (size > MAX_PNG_CARD_BYTES) {
      report.problemText([], `expected a character file of at most ${megabytes(MAX_CHARACTER_BYTES)}`, megabytes(size));
      return undefined;
    }
    bytes = await readFile(file);
  } catch (error) {
    report.problemText([], "expected a readable character file", describeReadError(error));
    return undefined;
  }
  let text: string;
  if (isPng(bytes)) {
    const card = readPngCard(bytes);
    if (card === "truncated") {
      report.problemText([], 'expected a PNG with a character card (tEXt chunk "chara")', "a truncated PNG");
      return undefined;
    }
    if (card === undefined) {
      report.problemText([], 'expected a PNG with a character card (tEXt chunk "chara")', "a PNG without one");
      return undefined;
    }
    text = card;
    if (Buffer.byteLength(text) > MAX_CHARACTER_BYTES) {
      const got = `a card of ${megabytes(Buffer.byteLength(text))}`;
      report.problemText([], `expected a character card of at most ${megabytes(MAX_CHARACTER_BYTES)}`, got);
      return undefined;
    }
  } else if (bytes.length > MAX_CHARACTER_BYTES) {
    report.problemText(
      [],
      `expected a character file of at most ${megabytes(MAX_CHARACTER_BYTES)}`,
      megabytes(bytes.length),
    );
    return undefined;
  } else if (bytes.subarray(0, 1024).includes(0)) {
    report.problemText([], "expected a JSON or PNG character file", "binary data");
    return undefined;
  } else {
    text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  }
  const parsed = parseJsonc(text);
  if (!parsed.ok) {
    report.problems.push(`${file}: ${parsed.problem}`);
    return undefined;
  }
  if (!isObject(parsed.value)) {
    report.problem([], "expected a JSON object describing a character", parsed.value);
    return undefined;
  }
  return parsed.value;
}

function describeReadError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "a folder";
  if (code === "EACCES" || code === "EPERM") return "a file it may not read";
  return typeof code === "string" ? code : String(error);
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
