/**
 * The system prompt is plain Markdown that any chat model reads well: a first
 * line naming the character, then `## <title>` sections of `- ` bullet lines.
 * The runtime writes it with `renderPrompt`; the offline model reads the same
 * sections back with `parsePrompt`, so both sides share this one contract.
 */

/** Section titles, in the order they appear. */
export const SECTION = {
  character: "Who you are",
  style: "How you write",
  speaker: "Who you are talking with",
  userFacts: "What you know about the user",
  summary: "Conversation so far",
  memories: "Things you remember",
  knowledge: "Knowledge",
  context: "Context",
  instructions: "Instructions",
} as const;

export type SectionTitle = (typeof SECTION)[keyof typeof SECTION];

export interface PromptSection {
  title: SectionTitle;
  lines: string[];
}

/**
 * One bullet per line: a text's line breaks become spaces, and a Markdown
 * heading ends its sentence, so "## Setup\nRun it" reads "## Setup. Run it",
 * not "## Setup Run it".
 */
function foldLines(text: string): string {
  // Most lines are one line with no heading: nothing to fold (the common case skips two regular expressions).
  if (!text.includes("\n") && !text.includes("#")) return text.trim();
  return text
    .replace(/^([ \t]*#{1,6}[ \t].*?[^.!?:\s])[ \t]*$/gm, "$1.")
    .replace(/\s*\n\s*/g, " ")
    .trim();
}

/** Writes the system prompt: `You are <name>.`, the author's system text, then each non-empty section. */
export function renderPrompt(name: string, system: string | undefined, sections: PromptSection[]): string {
  const opening = `You are ${name}.${system ? ` ${system}` : ""}`;
  const rest = renderSections(sections);
  return rest ? `${opening}\n\n${rest}` : opening;
}

/**
 * Writes sections as `renderPrompt` does after its first line (each non-empty
 * one, a blank line between them; "" when all are empty), so a prompt whose
 * first sections never change can be written once and the rest appended:
 * `renderPrompt(name, system, [a, b, c])` equals
 * `renderPrompt(name, system, [a, b]) + "\n\n" + renderSections([c])` when `c` has lines.
 */
export function renderSections(sections: PromptSection[]): string {
  const parts: string[] = [];
  for (const section of sections) {
    if (section.lines.length === 0) continue;
    const bullets = section.lines.map((line) => `- ${foldLines(line)}`);
    parts.push(`## ${section.title}\n${bullets.join("\n")}`);
  }
  return parts.join("\n\n");
}

/** Reads the sections of a prompt written by `renderPrompt` back: title → bullet lines (without "- "). */
export function parsePrompt(prompt: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of prompt.split("\n")) {
    if (line.startsWith("## ")) {
      current = [];
      sections.set(line.slice(3).trim(), current);
    } else if (current && line.startsWith("- ")) {
      current.push(line.slice(2));
    }
  }
  return sections;
}

/** Reads `key: value` fact lines into a map (the last line for a key wins). */
export function parseFacts(lines: string[]): Map<string, string> {
  const facts = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(": ");
    if (colon > 0) facts.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 2).trim());
  }
  return facts;
}
