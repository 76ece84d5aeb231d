import { useState } from "preact/hooks";

/** A string kept in the browser's localStorage under `key`, so the console remembers it across visits. */
export function useStoredState(key: string, initial: string): [string, (value: string) => void] {
  const [value, setValue] = useState(() => localStorage.getItem(key) ?? initial);
  return [
    value,
    (next) => {
      localStorage.setItem(key, next);
      setValue(next);
    },
  ];
}
