import { randomUUID } from "node:crypto";
import { z } from "zod";

/**
 * What travels on the bus. `task`s ask an agent for a capability, `result`s
 * answer a task by `correlationId`, `event`s are broadcasts (heartbeats).
 * `path` lists the agents a delegated task has passed through (loop guard),
 * `deadline` (epoch ms) drops a task that would run too late, higher
 * `priority` runs first.
 */
export const envelopeSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(["task", "result", "event"]),
  from: z.string().min(1),
  to: z.string().optional(),
  capability: z.string().optional(),
  correlationId: z.string().min(1),
  replyTo: z.string().optional(),
  payload: z.unknown(),
  attempt: z.number().int().min(1),
  priority: z.number().int().min(0).max(9),
  deadline: z.number().optional(),
  path: z.array(z.string()),
  traceId: z.string().min(1),
  /** Set on a failed result, and on a retried task: the last error. */
  error: z.string().optional(),
});

/** One message on the bus; see `envelopeSchema`. */
export type Envelope = z.infer<typeof envelopeSchema>;

/** Fields a caller must give; the rest get defaults (fresh id, attempt 1, priority 0, empty path). */
export type EnvelopeInit = Pick<Envelope, "kind" | "from"> & Partial<Omit<Envelope, "kind" | "from">>;

/**
 * Builds a valid envelope.
 *
 * @example createEnvelope({ kind: "event", from: "Juno", payload: { hello: true } });
 */
export function createEnvelope(init: EnvelopeInit): Envelope {
  const id = init.id ?? randomUUID();
  return {
    ...init,
    id,
    correlationId: init.correlationId ?? id,
    payload: init.payload ?? null,
    attempt: init.attempt ?? 1,
    priority: init.priority ?? 0,
    path: init.path ?? [],
    traceId: init.traceId ?? id,
  };
}

/** Parses what came off the wire: the envelope, or why it is malformed. */
export function readEnvelope(raw: unknown): { envelope: Envelope } | { error: string } {
  let value = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      return { error: "malformed envelope: not JSON" };
    }
  }
  const parsed = envelopeSchema.safeParse(value);
  if (parsed.success) return { envelope: parsed.data };
  const first = parsed.error.issues[0];
  return { error: `malformed envelope: ${first?.path.join(".") || "(root)"}: ${first?.message ?? "invalid"}` };
}

/** True when the envelope has a deadline that has passed. */
export function isExpired(envelope: Envelope, now = Date.now()): boolean {
  return envelope.deadline !== undefined && envelope.deadline < now;
}
