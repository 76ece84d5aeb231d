import { percentile } from "../bench-helpers.js";

/**
 * Per-minute figures of a soak: latencies (p50, p99) and the troupe's
 * resident memory, each minute counted from the start.
 */
export class LatencyBook {
  private readonly started = Date.now();
  private readonly latencies: number[][] = [];
  private readonly rss: number[] = [];

  /** The minute of the soak now (0-based). */
  get minute(): number {
    return Math.floor((Date.now() - this.started) / 60_000);
  }

  /** One reply came `ms` after its message. */
  record(ms: number): void {
    const values = this.latencies[this.minute] ?? [];
    values.push(ms);
    this.latencies[this.minute] = values;
  }

  /** The troupe's resident memory now, in bytes; the last sample of each minute is kept. */
  sampleRss(bytes: number): void {
    this.rss[this.minute] = bytes;
  }

  /** `[{ minute, replies, p50, p99, rssMb }]`, one per minute. */
  perMinute(): { minute: number; replies: number; p50: number; p99: number; rssMb: number }[] {
    const minutes = Math.max(this.latencies.length, this.rss.length);
    return Array.from({ length: minutes }, (_, minute) => {
      const values = this.latencies[minute] ?? [];
      return {
        minute: minute + 1,
        replies: values.length,
        p50: percentile(values, 50),
        p99: percentile(values, 99),
        rssMb: Math.round((this.rss[minute] ?? 0) / 10_485.76) / 100,
      };
    });
  }
}
