/** Why a page could not be read, in words for the user. */
export class FetchRefusedError extends Error {}

/** How to fetch: which hosts are allowed, how many bytes at most, how long. */
export interface FetchLimits {
  allowHosts: string[];
  maxBytes: number;
  timeoutMs: number;
}

const MAX_REDIRECTS = 3;

/** True when `url`'s host (with or without port) is listed, or is a subdomain of a listed `*.example.com`. */
export function isAllowed(url: URL, allowHosts: string[]): boolean {
  return allowHosts.some((entry) => {
    const host = entry.toLowerCase();
    if (host.startsWith("*.")) return url.hostname.endsWith(host.slice(1)) || url.hostname === host.slice(2);
    return url.host === host || url.hostname === host;
  });
}

/**
 * Fetches a text or HTML page from an allowed host, following at most three
 * redirects (each checked against the allowlist) and reading at most
 * `maxBytes`. Throws `FetchRefusedError` with a sentence for the user.
 */
export async function fetchPage(
  address: string,
  limits: FetchLimits,
): Promise<{ url: URL; type: string; body: string }> {
  let url = new URL(address);
  for (let redirect = 0; ; redirect++) {
    if (url.protocol !== "http:" && url.protocol !== "https:")
      throw new FetchRefusedError("I only read http and https pages.");
    if (!isAllowed(url, limits.allowHosts)) {
      throw new FetchRefusedError(`I'm not allowed to read pages on ${url.host}.`);
    }
    const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(limits.timeoutMs) });
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      if (redirect >= MAX_REDIRECTS) throw new FetchRefusedError("That page redirects too many times.");
      url = new URL(location, url);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new FetchRefusedError(`${url.host} answered ${response.status} ${response.statusText}.`);
    }
    const type = response.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
    if (!type.startsWith("text/") && type !== "application/xhtml+xml") {
      await response.body?.cancel();
      throw new FetchRefusedError(`That is not a page I can read (${type || "unknown type"}).`);
    }
    return { url, type, body: await readLimited(response, limits.maxBytes) };
  }
}

async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const tooBig = () => new FetchRefusedError(`That page is larger than my limit of ${formatBytes(maxBytes)}.`);
  if (Number(response.headers.get("content-length") ?? 0) > maxBytes) {
    await response.body?.cancel();
    throw tooBig();
  }
  if (!response.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${Math.round(bytes / 100_000) / 10} MB` : `${Math.round(bytes / 1000)} kB`;
}
