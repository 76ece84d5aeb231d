/**
 * Text from users, made safe to print on the operator's terminal: control
 * characters (an escape sequence could rewrite the screen or the title bar)
 * and invisible direction overrides are shown as `\x1b`-style escapes.
 */
export function terminalSafe(text: string): string {
  return text.replace(/\p{Cc}|[\u202a-\u202e\u2066-\u2069]/gu, (character) => {
    const code = character.codePointAt(0) ?? 0;
    return code > 0xff ? `\\u${code.toString(16).padStart(4, "0")}` : `\\x${code.toString(16).padStart(2, "0")}`;
  });
}
