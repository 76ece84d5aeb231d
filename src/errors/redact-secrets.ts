/** Variable names whose values are secrets: `OPENAI_API_KEY`, `DISCORD_BOT_TOKEN`, `DB_PASSWORD`, … */
const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH/i;
/** Shorter values are too likely to be ordinary words or numbers to hide everywhere. */
const MIN_SECRET_LENGTH = 6;
const REDACTED = "[redacted]";

const known = new Set<string>();

/** Remembers a secret value (a key, a token) so that `redactSecrets` hides it from then on. */
export function rememberSecret(value: string | undefined): void {
  if (value !== undefined && value.length >= MIN_SECRET_LENGTH) known.add(value);
}

/**
 * Remembers the secrets of an environment: the value of every variable named
 * like a secret, and the password and secret query values of every URL in it
 * (`OPENAI_BASE_URL=http://user:pass@host/v1?api-key=…`).
 */
export function rememberEnvSecrets(env: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value === "") continue;
    if (SECRET_NAME.test(name)) rememberSecret(value);
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) continue;
    try {
      const url = new URL(value);
      rememberSecret(decodeURIComponent(url.password));
      rememberSecret(url.password);
      for (const [key, item] of url.searchParams) if (SECRET_NAME.test(key)) rememberSecret(item);
    } catch {
      // Not a URL after all: nothing to take from it.
    }
  }
}

/**
 * Hides secrets in text bound for a log, a terminal or an error message: every
 * remembered secret value, URL passwords (`//user:***@`), secret-looking query
 * values (`?api-key=***`), `Bearer` tokens and `sk-…` keys. The one place
 * Troupe's logs and errors pass through.
 */
export function redactSecrets(text: string): string {
  let clean = text
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s/@:]*):[^\s/@]*@/gi, "$1:***@")
    .replace(/([?&;][\w.-]*(?:key|token|secret|password|sig|signature|auth)[\w.-]*=)[^&\s"'#\\]+/gi, "$1***")
    .replace(/\b(Bearer\s+)[\w.~+/=-]{6,}/gi, `$1${REDACTED}`)
    .replace(/\bsk-[\w-]{8,}/g, `sk-${REDACTED}`);
  for (const secret of known) if (clean.includes(secret)) clean = clean.split(secret).join(REDACTED);
  return clean;
}
