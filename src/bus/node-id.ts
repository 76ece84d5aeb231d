import { randomUUID } from "node:crypto";
import { hostname } from "node:os";

/** A name for this process on the bus, unique across processes and machines: `host-pid-random`. */
export function createNodeId(): string {
  return `${hostname()}-${process.pid}-${randomUUID().slice(0, 6)}`;
}
