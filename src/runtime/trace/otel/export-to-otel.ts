import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import type { Logger } from "pino";
import type { TurnTrace } from "../turn-trace.js";
import { DerivedIds } from "./trace-span-ids.js";
import { traceToSpans } from "./trace-to-spans.js";

/** Options of `exportToOtel`. */
export interface OtelExportOptions {
  /** `OTEL_EXPORTER_OTLP_ENDPOINT`: the collector's base URL; spans go to `<endpoint>/v1/traces`. */
  endpoint: string;
  /** `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`: the full URL for traces, when the collector wants another path. */
  tracesEndpoint?: string;
  /** `OTEL_SERVICE_NAME`. Default `troupe`. */
  serviceName?: string;
  logger: Logger;
}

/** A running export: `export` takes finished traces, `shutdown` sends what is pending and stops. */
export interface OtelExport {
  export(trace: TurnTrace): void;
  shutdown(): Promise<void>;
}

/**
 * Sends Troupe's traces to an OpenTelemetry collector over OTLP/HTTP (JSON)
 * with the official SDK. Traces are turned into spans after the reply has
 * gone (on the next turn of the event loop) and sent in batches, so the
 * reply path only queues them. This module is imported only when
 * `OTEL_EXPORTER_OTLP_ENDPOINT` is set, so start-up never loads the SDK otherwise.
 */
export function exportToOtel(options: OtelExportOptions): OtelExport {
  const url = options.tracesEndpoint ?? `${options.endpoint.replace(/\/+$/, "")}/v1/traces`;
  const ids = new DerivedIds();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": options.serviceName ?? "troupe" }),
    idGenerator: ids,
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }), { scheduledDelayMillis: 1000 })],
  });
  const tracer = provider.getTracer("troupe");
  let pending: TurnTrace[] = [];
  let timer: NodeJS.Immediate | undefined;
  const writePending = () => {
    timer = undefined;
    const traces = pending;
    pending = [];
    for (const trace of traces) {
      try {
        traceToSpans(trace, tracer, ids);
      } catch (error) {
        options.logger.warn({ err: error, traceId: trace.id }, "could not export a trace to OpenTelemetry");
      }
    }
  };
  return {
    export(trace) {
      pending.push(trace);
      timer ??= setImmediate(writePending);
    },
    async shutdown() {
      if (timer) clearImmediate(timer);
      writePending();
      await provider.shutdown();
    },
  };
}
