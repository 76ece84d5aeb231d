/** `12 ms`, `1.4 s`: a duration short enough for a narrow column. */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** A time the API gave as epoch milliseconds or an ISO string, as the browser's local time of day. */
export function formatTime(time: number | string): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? String(time) : date.toLocaleTimeString();
}
