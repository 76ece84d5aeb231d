const ALLOWED_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "code",
  "pre",
  "a",
  "tg-spoiler",
  "blockquote",
  "span",
]);

/**
 * Parses text sent with `parse_mode: "HTML"` the way the Bot API does, as far
 * as a test needs: only Telegram's tags, balanced, and `&` only as an entity.
 * Returns the visible text (which the 4,096 limit counts), or the error
 * description the Bot API answers with.
 */
export function checkTelegramHtml(html: string): { text: string } | { error: string } {
  const open: string[] = [];
  let text = "";
  let index = 0;
  while (index < html.length) {
    const char = html[index] as string;
    if (char === "<") {
      const end = html.indexOf(">", index);
      if (end === -1) return { error: `Can't find end of the tag at byte offset ${index}` };
      const tag = html.slice(index + 1, end);
      const closing = tag.startsWith("/");
      const name = (closing ? tag.slice(1) : tag).split(/[\s=]/)[0]?.toLowerCase() ?? "";
      if (!ALLOWED_TAGS.has(name)) return { error: `Unsupported start tag "${name}" at byte offset ${index}` };
      if (closing) {
        if (open.pop() !== name) return { error: `Can't find end tag corresponding to start tag "${name}"` };
      } else {
        open.push(name);
      }
      index = end + 1;
    } else if (char === "&") {
      const entity = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/i.exec(html.slice(index));
      if (!entity) return { error: `Character entity expected at byte offset ${index}` };
      text += { lt: "<", gt: ">", amp: "&", quot: '"' }[entity[1] as "lt"] ?? "?";
      index += entity[0].length;
    } else if (char === ">") {
      return { error: `Unexpected end of tag at byte offset ${index}` };
    } else {
      text += char;
      index++;
    }
  }
  if (open.length > 0) return { error: `Can't find end tag corresponding to start tag "${open.at(-1)}"` };
  return { text };
}
