/** Token counts of one model answer, as LangChain reports them (`usage_metadata`). */
export interface TokenCounts {
  input_tokens?: number;
  output_tokens?: number;
  total_tokens?: number;
}

/** What an agent's model calls have cost so far. */
export interface ModelUsage {
  /** Model calls that answered. */
  calls: number;
  /** Model calls that failed after their retries (or failed fast on an open circuit). */
  failures: number;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  /** Wall time of every call, retries included. */
  latency: { totalMs: number; lastMs: number; p50Ms: number; p95Ms: number };
}

const WINDOW = 512;

/**
 * Records token usage and latency of an agent's model calls. Percentiles are
 * over the last 512 calls, so a long-running agent reports how it is doing
 * now rather than since start-up.
 */
export class UsageMeter {
  private calls = 0;
  private failures = 0;
  private inputTokens = 0;
  private outputTokens = 0;
  private totalTokens = 0;
  private totalMs = 0;
  private lastMs = 0;
  private readonly recent: number[] = [];

  /** Records one call that answered, with the token counts the server reported (if any). */
  recordCall(latencyMs: number, tokens: TokenCounts | undefined): void {
    this.calls += 1;
    this.inputTokens += tokens?.input_tokens ?? 0;
    this.outputTokens += tokens?.output_tokens ?? 0;
    this.totalTokens += tokens?.total_tokens ?? (tokens?.input_tokens ?? 0) + (tokens?.output_tokens ?? 0);
    this.recordLatency(latencyMs);
  }

  /** Records one call that failed. */
  recordFailure(latencyMs: number): void {
    this.failures += 1;
    this.recordLatency(latencyMs);
  }

  /** A copy of the figures so far. */
  snapshot(): ModelUsage {
    const sorted = [...this.recent].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
    return {
      calls: this.calls,
      failures: this.failures,
      inputTokens: this.inputTokens,
      outputTokens: this.outputTokens,
      totalTokens: this.totalTokens,
      latency: { totalMs: this.totalMs, lastMs: this.lastMs, p50Ms: at(0.5), p95Ms: at(0.95) },
    };
  }

  private recordLatency(latencyMs: number): void {
    this.totalMs += latencyMs;
    this.lastMs = latencyMs;
    this.recent.push(latencyMs);
    if (this.recent.length > WINDOW) this.recent.shift();
  }
}
