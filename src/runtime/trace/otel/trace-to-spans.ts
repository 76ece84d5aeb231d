import {
  type Attributes,
  type Context,
  type Link,
  trace as otel,
  ROOT_CONTEXT,
  type Span,
  SpanStatusCode,
  type Tracer,
} from "@opentelemetry/api";
import type { TurnTrace } from "../turn-trace.js";
import { type DerivedIds, otelSpanId, otelTraceId } from "./trace-span-ids.js";

/** A span (the message's step or tool) with the interval it covers, in epoch ms. */
interface Placed {
  span: Span;
  context: Context;
  from: number;
  to: number;
}

/** The link to another Troupe trace's message span (the asking agent's, or the helper's). */
function linkTo(traceId: string): Link {
  return { context: { traceId: otelTraceId(traceId), spanId: otelSpanId(traceId), traceFlags: 1, isRemote: true } };
}

/** The innermost of `spans` whose interval holds `at`, else `fallback`. */
function around(spans: readonly Placed[], at: number, fallback: Context): Context {
  for (let i = spans.length - 1; i >= 0; i--) {
    const placed = spans[i] as Placed;
    if (placed.from <= at && at <= placed.to) return placed.context;
  }
  return fallback;
}

/**
 * Writes one finished Troupe trace as OpenTelemetry spans: the message
 * (`troupe.message`, with the ids derived from the trace id), a child per
 * step (`troupe.step.<name>`), under the step that ran it a span per action
 * (`troupe.tool.<name>`), and under the `delegate` action a span per task
 * handed over (`troupe.delegation.<capability>`), linked to the helper's
 * message span; a helper's message span links back to the asker's.
 */
export function traceToSpans(trace: TurnTrace, tracer: Tracer, ids: DerivedIds): void {
  const attributes: Attributes = {
    "troupe.trace_id": trace.id,
    "troupe.agent": trace.agent,
    "troupe.platform": trace.platform,
    "troupe.room": trace.room,
  };
  if (trace.parentId) attributes["troupe.parent_trace_id"] = trace.parentId;
  ids.deriveNext(trace.id);
  const root = tracer.startSpan(
    "troupe.message",
    { startTime: trace.startedAt, attributes, links: trace.parentId ? [linkTo(trace.parentId)] : [] },
    ROOT_CONTEXT,
  );
  const rootContext = otel.setSpan(ROOT_CONTEXT, root);
  const steps: Placed[] = trace.ownSteps().map((step) => {
    const to = step.startedAt + step.durationMs;
    const span = tracer.startSpan(
      `troupe.step.${step.name}`,
      { startTime: step.startedAt, attributes: step.detail ? { "troupe.detail": step.detail } : {} },
      rootContext,
    );
    span.end(to);
    return { span, context: otel.setSpan(rootContext, span), from: step.startedAt, to };
  });
  const tools: Placed[] = trace.tools.map((tool) => {
    const to = tool.startedAt + tool.durationMs;
    const span = tracer.startSpan(
      `troupe.tool.${tool.name}`,
      { startTime: tool.startedAt, attributes: { "troupe.tool": tool.name } },
      around(steps, tool.startedAt, rootContext),
    );
    if (tool.error !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: tool.error });
    span.end(to);
    return { span, context: otel.setSpan(rootContext, span), from: tool.startedAt, to };
  });
  for (const delegation of trace.delegations) {
    const span = tracer.startSpan(
      `troupe.delegation.${delegation.capability}`,
      {
        startTime: delegation.startedAt,
        attributes: {
          "troupe.capability": delegation.capability,
          "troupe.helper": delegation.helper,
          "troupe.task_id": delegation.taskId,
          ...(delegation.traceId ? { "troupe.helper_trace_id": delegation.traceId } : {}),
        },
        links: delegation.traceId ? [linkTo(delegation.traceId)] : [],
      },
      around(tools, delegation.startedAt, rootContext),
    );
    span.end(delegation.startedAt + delegation.durationMs);
  }
  if (trace.error !== undefined) root.setStatus({ code: SpanStatusCode.ERROR, message: trace.error });
  root.end(trace.startedAt + trace.durationMs);
}
