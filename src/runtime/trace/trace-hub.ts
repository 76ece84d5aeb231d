import type { Agent, TraceListener } from "../agent.js";
import type { TurnTrace } from "./turn-trace.js";

/**
 * The traces of every agent of a troupe in one stream: listeners (metrics,
 * the OpenTelemetry export) subscribe once, and each agent the troupe runs
 * is attached, a reloaded one included, so none of its messages is missed.
 */
export class TraceHub {
  private readonly listeners = new Set<TraceListener>();

  /** Forwards `agent`'s traces to the listeners; returns the detach function. */
  attach(agent: Agent): () => void {
    return agent.onTrace((trace) => this.emit(trace));
  }

  /** Calls `listener` with every attached agent's finished traces. Returns the unsubscribe function. */
  on(listener: TraceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(trace: TurnTrace): void {
    for (const listener of this.listeners) listener(trace);
  }
}
