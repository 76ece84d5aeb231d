import { randomBytes } from "node:crypto";
import type { IdGenerator } from "@opentelemetry/sdk-trace-base";

/** The OpenTelemetry trace id of a Troupe trace: its UUID's 32 hex digits. */
export function otelTraceId(traceId: string): string {
  return traceId.replace(/-/g, "").toLowerCase().padEnd(32, "0").slice(0, 32);
}

/** The span id of a Troupe trace's message span: its UUID's last 16 hex digits (random in a v4 UUID). */
export function otelSpanId(traceId: string): string {
  return otelTraceId(traceId).slice(16);
}

/**
 * Random ids, except that the next trace and span ids can be set: a message's
 * span then gets ids derived from its Troupe trace id, so another process
 * (a helper answering a delegated task) can link to it knowing only that id.
 */
export class DerivedIds implements IdGenerator {
  private nextTrace: string | undefined;
  private nextSpan: string | undefined;

  /** The next root span gets the ids of the Troupe trace `traceId`. */
  deriveNext(traceId: string): void {
    this.nextTrace = otelTraceId(traceId);
    this.nextSpan = otelSpanId(traceId);
  }

  generateTraceId(): string {
    const id = this.nextTrace ?? randomBytes(16).toString("hex");
    this.nextTrace = undefined;
    return id;
  }

  generateSpanId(): string {
    const id = this.nextSpan ?? randomBytes(8).toString("hex");
    this.nextSpan = undefined;
    return id;
  }
}
