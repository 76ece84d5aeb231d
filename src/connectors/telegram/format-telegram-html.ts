import { findCodeFences } from "../find-code-fences.js";

/** Escapes text for Telegram's HTML parse mode: `&`, `<` and `>` (and `"` for attribute values). */
export function escapeTelegramHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Inline Markdown and its Telegram HTML, in the order they are applied (bold before italic). */
const INLINE: [RegExp, string][] = [
  [/\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g, '<a href="$2">$1</a>'],
  [/\*\*(?=\S)([^\n]*?\S)\*\*/g, "<b>$1</b>"],
  [/(?<![\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g, "<i>$1</i>"],
  [/(?<!\w)_(?=\S)([^_\n]*?\S)_(?!\w)/g, "<i>$1</i>"],
  [/~~(?=\S)([^\n]*?\S)~~/g, "<s>$1</s>"],
  [/^#{1,6} +(.+)$/gm, "<b>$1</b>"],
];

/**
 * Turns a model's Markdown into Telegram's HTML parse mode: code blocks to
 * `<pre><code>`, inline code to `<code>`, bold, italic, strike-through,
 * links and headings to their tags, and everything else escaped. Markdown
 * it cannot map stays as written. Text whose markers cross each other can
 * still make unbalanced tags; the Bot API then refuses the entities and the
 * connector sends the plain text instead.
 */
export function formatTelegramHtml(markdown: string): string {
  let html = "";
  let position = 0;
  for (const fence of findCodeFences(markdown)) {
    html += formatInline(markdown.slice(position, fence.start));
    const language = fence.open
      .replace(/^[`~]+/, "")
      .trim()
      .split(/\s/)[0];
    // A closed block's code ends before the line break of its closing line; an unclosed one runs to the end.
    const codeEnd = fence.end > fence.closeStart ? fence.closeStart - 1 : fence.closeStart;
    const code = escapeTelegramHtml(markdown.slice(fence.codeStart, Math.max(fence.codeStart, codeEnd)));
    html += language
      ? `<pre><code class="language-${escapeTelegramHtml(language)}">${code}</code></pre>`
      : `<pre>${code}</pre>`;
    position = fence.end;
  }
  return html + formatInline(markdown.slice(position));
}

function formatInline(text: string): string {
  // Inline code is cut out first, so nothing inside it is read as Markdown.
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, index) => {
      if (index % 2 === 1) return `<code>${escapeTelegramHtml(part.slice(1, -1))}</code>`;
      let escaped = escapeTelegramHtml(part);
      for (const [pattern, replacement] of INLINE) escaped = escaped.replace(pattern, replacement);
      return escaped;
    })
    .join("");
}
