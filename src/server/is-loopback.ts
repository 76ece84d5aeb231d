import { isIP } from "node:net";

/** True for an address or name that only this machine can reach: `localhost`, `127.x.x.x`, `::1`. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  if (bare === "localhost" || bare.endsWith(".localhost")) return true;
  if (isIP(bare) === 4) return bare.startsWith("127.");
  return bare === "::1" || bare === "::ffff:127.0.0.1";
}

/** True for an address that listens on every interface: `0.0.0.0` or `::`. */
export function isWildcard(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  return bare === "0.0.0.0" || bare === "::";
}
