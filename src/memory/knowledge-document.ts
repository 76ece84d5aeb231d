import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { extname } from "node:path";

/** One knowledge document: where it came from and its text. */
export interface KnowledgeDocument {
  name: string;
  text: string;
}

/** The file types knowledge is read from. */
export const KNOWLEDGE_EXTENSIONS = new Set([".md", ".markdown", ".txt", ".json", ".pdf"]);

/** Reads a knowledge file: text as UTF-8, PDF as the text of its pages. */
export async function readKnowledgeDocument(file: string): Promise<KnowledgeDocument> {
  const bytes = await readFile(file);
  if (extname(file).toLowerCase() !== ".pdf") return { name: file, text: bytes.toString("utf8") };
  // Loaded on demand: the PDF reader is large and most troupes never read a PDF.
  const { extractText, getDocumentProxy } = await import("unpdf");
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return { name: file, text };
}

/** The `source` of a document's memories: its name and content hash, so an unchanged document is recognised. */
export function knowledgeSource(document: KnowledgeDocument, prefix = ""): string {
  return `${prefix}${document.name}#${createHash("sha256").update(document.text).digest("hex").slice(0, 16)}`;
}

/** Prefix of the sources of knowledge added with `addKnowledge`: a character's own ingestion leaves them alone. */
export const ADDED_KNOWLEDGE = "added:";
