/** Fills `{{user}}`, `{{user1}}`… with the user's name (or "friend") and `{{char}}`/`{{agentName}}` with the character's. */
export function fillNames(text: string, userName: string | undefined, characterName: string): string {
  return text
    .replace(/\{\{\s*(?:user\d*|name\d*)\s*\}\}/gi, userName ?? "friend")
    .replace(/\{\{\s*(?:char|agentName|character)\s*\}\}/gi, characterName);
}
