import type { MemoryEntry, MemoryKind } from "./memory-record.js";
import type { RecallOptions } from "./recall-scope.js";

const KINDS: readonly MemoryKind[] = ["message", "fact", "summary", "knowledge"];
const KNOWLEDGE = KINDS.indexOf("knowledge");
/** A room or user column's value for none. */
const NONE = -1;
const FIRST_CAPACITY = 256;

/**
 * What recall reads of every stored memory (kind, room, user, importance,
 * source message, times), kept in columns: one typed array per field, a
 * memory's fields at its slot. One object per memory, with its boxed numbers
 * and its entries in a map and three sets, took about 200 bytes of heap a
 * memory, walked by every full garbage collection; the columns take about 50
 * bytes outside the heap.
 * Room and user ids are stored once each and referred to by number. A slot
 * is a memory's until it is forgotten, then reused; it also places the
 * memory's vector in `QuantisedVectors`.
 */
export class MemoryCatalogue {
  private readonly slots = new Map<number, number>();
  private readonly free: number[] = [];
  private used = 0;
  private kinds = new Uint8Array(0);
  private rooms = new Int32Array(0);
  private users = new Int32Array(0);
  private importances = new Float32Array(0);
  /** NaN for none. */
  private sourceMessageIds = new Float64Array(0);
  private createdAts = new Float64Array(0);
  private accessedAts = new Float64Array(0);
  private readonly names: string[] = [];
  private readonly numbers = new Map<string, number>();

  /** How many memories are catalogued. */
  get size(): number {
    return this.slots.size;
  }

  has(id: number): boolean {
    return this.slots.has(id);
  }

  /** The slot of a catalogued memory. */
  slotOf(id: number): number | undefined {
    return this.slots.get(id);
  }

  /** Catalogues a memory (or updates one already there); returns its slot. */
  add(entry: MemoryEntry): number {
    let slot = this.slots.get(entry.id);
    if (slot === undefined) {
      slot = this.free.pop() ?? this.used++;
      if (slot >= this.kinds.length) this.grow();
      this.slots.set(entry.id, slot);
    }
    this.kinds[slot] = KINDS.indexOf(entry.kind);
    this.rooms[slot] = this.numberOf(entry.room);
    this.users[slot] = this.numberOf(entry.userId);
    this.importances[slot] = entry.importance;
    this.sourceMessageIds[slot] = entry.sourceMessageId ?? Number.NaN;
    this.createdAts[slot] = entry.createdAt;
    this.accessedAts[slot] = entry.accessedAt;
    return slot;
  }

  /** Forgets a memory; returns the slot it freed. */
  remove(id: number): number | undefined {
    const slot = this.slots.get(id);
    if (slot === undefined) return undefined;
    this.slots.delete(id);
    this.free.push(slot);
    return slot;
  }

  /** A catalogued memory as an object (made on each call: for the few a recall ranks, not for scanning). */
  entry(id: number): MemoryEntry | undefined {
    const slot = this.slots.get(id);
    if (slot === undefined) return undefined;
    const sourceMessageId = this.sourceMessageIds[slot] as number;
    return {
      id,
      kind: KINDS[this.kinds[slot] as number] as MemoryKind,
      room: this.nameOf(this.rooms[slot] as number),
      userId: this.nameOf(this.users[slot] as number),
      importance: this.importances[slot] as number,
      sourceMessageId: Number.isNaN(sourceMessageId) ? null : sourceMessageId,
      createdAt: this.createdAts[slot] as number,
      accessedAt: this.accessedAts[slot] as number,
    };
  }

  kindOf(id: number): MemoryKind | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : KINDS[this.kinds[slot] as number];
  }

  /** Records that a memory was recalled at `at` (recency follows it). */
  touch(id: number, at: number): void {
    const slot = this.slots.get(id);
    if (slot !== undefined) this.accessedAts[slot] = at;
  }

  accessedAt(id: number): number | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : this.accessedAts[slot];
  }

  /**
   * `accessedAt` by slot (see `slotOf`), for loops over hundreds of
   * candidates: a number-or-undefined result is a boxed number on each call.
   */
  accessedAtSlot(slot: number): number {
    return this.accessedAts[slot] as number;
  }

  /** A catalogued memory's importance by slot, as `accessedAtSlot`. */
  importanceAtSlot(slot: number): number {
    return this.importances[slot] as number;
  }

  /** A catalogued memory's room (null: none), or undefined when it is not catalogued. */
  roomOf(id: number): string | null | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : this.nameOf(this.rooms[slot] as number);
  }

  /**
   * Whether a recall may return a memory, as a test of its id: of a kind
   * asked for, not made from an excluded message, and from the room or user
   * asked for (knowledge belongs to every room). A memory not catalogued
   * (forgotten) never passes.
   */
  scopeTest(options: RecallOptions): (id: number) => boolean {
    const kinds = options.kinds?.map((kind) => KINDS.indexOf(kind));
    const excluded = options.excludeSourceMessageIds;
    const unscoped = options.room === undefined && options.userId === undefined;
    // A room or user never catalogued matches no memory: NaN equals no column value.
    const room = options.room === undefined ? Number.NaN : (this.numbers.get(options.room) ?? Number.NaN);
    const user = options.userId === undefined ? Number.NaN : (this.numbers.get(options.userId) ?? Number.NaN);
    return (id) => {
      const slot = this.slots.get(id);
      if (slot === undefined) return false;
      const kind = this.kinds[slot] as number;
      if (kinds && !kinds.includes(kind)) return false;
      const source = this.sourceMessageIds[slot] as number;
      if (excluded && !Number.isNaN(source) && excluded.has(source)) return false;
      return kind === KNOWLEDGE || unscoped || this.rooms[slot] === room || this.users[slot] === user;
    };
  }

  /** The ids of the catalogued memories that `accept` lets through. */
  idsWhere(accept: (id: number) => boolean): number[] {
    const found: number[] = [];
    for (const id of this.slots.keys()) if (accept(id)) found.push(id);
    return found;
  }

  private numberOf(name: string | null): number {
    if (name === null) return NONE;
    let number = this.numbers.get(name);
    if (number === undefined) {
      number = this.names.length;
      this.names.push(name);
      this.numbers.set(name, number);
    }
    return number;
  }

  private nameOf(number: number): string | null {
    return number === NONE ? null : (this.names[number] as string);
  }

  /** Makes room for more slots: half as many again (at least `FIRST_CAPACITY`), every column copied. */
  private grow(): void {
    const capacity = Math.max(FIRST_CAPACITY, Math.ceil(this.kinds.length * 1.5));
    this.kinds = grown(this.kinds, new Uint8Array(capacity));
    this.rooms = grown(this.rooms, new Int32Array(capacity));
    this.users = grown(this.users, new Int32Array(capacity));
    this.importances = grown(this.importances, new Float32Array(capacity));
    this.sourceMessageIds = grown(this.sourceMessageIds, new Float64Array(capacity));
    this.createdAts = grown(this.createdAts, new Float64Array(capacity));
    this.accessedAts = grown(this.accessedAts, new Float64Array(capacity));
  }
}

function grown<T extends Float64Array | Float32Array | Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}
