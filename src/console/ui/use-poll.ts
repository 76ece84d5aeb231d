import { useCallback, useEffect, useState } from "preact/hooks";

/**
 * Loads `load()` now and every `everyMs` while the tab is visible; a call that depends on `deps` restarts.
 * Returns the latest value, the latest error (cleared by the next success) and `refresh` to load at once.
 */
export function usePoll<T>(
  load: () => Promise<T>,
  everyMs: number,
  deps: unknown[],
): { value: T | undefined; error: Error | undefined; refresh: () => void } {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  // The caller names what `load` depends on in `deps`.
  const refresh = useCallback(() => {
    load().then(
      (next) => {
        setValue(next);
        setError(undefined);
      },
      (failure: Error) => setError(failure),
    );
  }, deps);
  useEffect(() => {
    refresh();
    if (everyMs <= 0) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") refresh();
    }, everyMs);
    return () => clearInterval(timer);
  }, [refresh, everyMs]);
  return { value, error, refresh };
}
