import { PluginTimeoutError } from "./plugin-timeout-error.js";

/** Resolves like `work`, or rejects with `PluginTimeoutError` naming `what` when it takes longer than `ms`. */
export function withTimeout<T>(work: () => T | Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PluginTimeoutError({ what, ms })), ms);
  });
  return Promise.race([Promise.resolve().then(work), timeout]).finally(() => clearTimeout(timer));
}
