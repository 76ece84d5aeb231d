import type { Dirent } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { extname, isAbsolute, join, relative, resolve } from "node:path";
import { KNOWLEDGE_EXTENSIONS } from "./knowledge-document.js";

/** How much one ingestion may read: folders from strangers' character files can be huge or deep. */
export interface KnowledgeLimits {
  /** Most files read in one ingestion. */
  maxFiles: number;
  /** Most bytes read in one ingestion, all files together. */
  maxBytes: number;
  /** Deepest folder level a walk enters below the folder named. */
  maxDepth: number;
  /** Largest single file read; larger ones are skipped. */
  maxFileBytes: number;
}

/** 5,000 files, 100 MB in all, 8 levels deep, 20 MB per file. */
export const DEFAULT_KNOWLEDGE_LIMITS: KnowledgeLimits = {
  maxFiles: 5_000,
  maxBytes: 100 * 1024 * 1024,
  maxDepth: 8,
  maxFileBytes: 20 * 1024 * 1024,
};

/** What a walk tells as it goes: a skipped file or a limit reached, and progress every few hundred files. */
export interface KnowledgeWalkEvents {
  warn?(message: string): void;
  progress?(files: number, bytes: number): void;
}

/** A file or a folder to take knowledge from. */
export type KnowledgeTarget = { kind: "file" | "folder"; path: string };

const PROGRESS_EVERY = 250;

/**
 * The knowledge files of `targets`, in order, within `limits`: each folder is
 * walked (sorted, hidden entries skipped, links leading outside the folder
 * skipped), and the walk stops with a warning at the first limit reached
 * rather than reading a whole disk.
 */
export async function collectKnowledgeFiles(
  targets: KnowledgeTarget[],
  limits: KnowledgeLimits = DEFAULT_KNOWLEDGE_LIMITS,
  events: KnowledgeWalkEvents = {},
): Promise<string[]> {
  const files: string[] = [];
  let bytes = 0;
  // false once a limit is reached: later targets are not read either.
  const take = async (file: string): Promise<boolean> => {
    const { size } = await stat(file);
    if (size > limits.maxFileBytes) {
      events.warn?.(`${file}: larger than ${megabytes(limits.maxFileBytes)}, skipped`);
      return true;
    }
    if (files.length >= limits.maxFiles || bytes + size > limits.maxBytes) {
      const limit = files.length >= limits.maxFiles ? `${limits.maxFiles} files` : megabytes(limits.maxBytes);
      events.warn?.(`knowledge stops at ${limit}: ${file} and what follows were not read`);
      return false;
    }
    files.push(file);
    bytes += size;
    if (files.length % PROGRESS_EVERY === 0) events.progress?.(files.length, bytes);
    return true;
  };
  for (const target of targets) {
    const going =
      target.kind === "file" ? await take(target.path) : await walkFolder(resolve(target.path), limits, events, take);
    if (!going) break;
  }
  return files;
}

async function walkFolder(
  root: string,
  limits: KnowledgeLimits,
  events: KnowledgeWalkEvents,
  take: (file: string) => Promise<boolean>,
): Promise<boolean> {
  const realRoot = await realpath(root);
  let tooDeep = false;
  const visit = async (folder: string, depth: number): Promise<boolean> => {
    const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const path = join(folder, entry.name);
      const kind = await entryKind(entry, path, realRoot);
      if (kind === "outside") {
        events.warn?.(`${path}: a link to outside ${root}, skipped`);
      } else if (kind === "folder") {
        if (depth >= limits.maxDepth) tooDeep = true;
        else if (!(await visit(path, depth + 1))) return false;
      } else if (kind === "file" && KNOWLEDGE_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
        if (!(await take(path))) return false;
      }
    }
    return true;
  };
  const going = await visit(root, 0);
  if (tooDeep) events.warn?.(`${root}: folders deeper than ${limits.maxDepth} levels were not read`);
  return going;
}

async function entryKind(
  entry: Dirent,
  path: string,
  realRoot: string,
): Promise<"file" | "folder" | "outside" | "other"> {
  if (entry.isFile()) return "file";
  if (entry.isDirectory()) return "folder";
  if (!entry.isSymbolicLink()) return "other";
  const target = await realpath(path).catch(() => undefined);
  if (target === undefined) return "other";
  const rest = relative(realRoot, target);
  if (rest.startsWith("..") || isAbsolute(rest)) return "outside";
  const info = await stat(target);
  return info.isDirectory() ? "folder" : info.isFile() ? "file" : "other";
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}
