/** Slots of a new table: room for a recall's usual few hundred candidates without growing. */
const FIRST_CAPACITY = 1024;

/**
 * The relevance of each candidate memory of one recall, by id, in typed
 * arrays kept from recall to recall. A `Map` of the few hundred candidates
 * (vector and keyword hits and their neighbouring turns) grew its table
 * several times on every recall and boxed every relevance it held: at 100k
 * memories, the most of a recall's garbage, hence of the young collections
 * that land on a recall. Open addressing with linear probing, at most half
 * full; a slot belongs to the current recall when its stamp is the current
 * one, so `clear` costs nothing however many candidates the last recall had.
 * Candidates are listed in the order they were first set.
 */
export class CandidateRelevance {
  private ids = new Float64Array(FIRST_CAPACITY);
  private relevances = new Float64Array(FIRST_CAPACITY);
  private stamps = new Uint32Array(FIRST_CAPACITY);
  private stamp = 1;
  /** The slot of each candidate, in the order they were first set. */
  private order = new Int32Array(FIRST_CAPACITY / 2);
  private count = 0;

  /** How many candidates are set. */
  get size(): number {
    return this.count;
  }

  /** Forgets every candidate. */
  clear(): void {
    this.count = 0;
    this.stamp++;
    if (this.stamp === 0xffffffff) {
      // Once in four billion recalls: no slot may keep a stamp that comes round again.
      this.stamps.fill(0);
      this.stamp = 1;
    }
  }

  /** The id of the i-th candidate set (0 ≤ i < size). */
  idAt(i: number): number {
    return this.ids[this.order[i] as number] as number;
  }

  /** The relevance of the i-th candidate set (0 ≤ i < size). */
  relevanceAt(i: number): number {
    return this.relevances[this.order[i] as number] as number;
  }

  /** A candidate's relevance, or undefined when it is not set. */
  get(id: number): number | undefined {
    const slot = this.slotOf(id);
    return this.stamps[slot] === this.stamp ? this.relevances[slot] : undefined;
  }

  /** Adds `relevance` to the candidate's (0 when it is not set yet). */
  add(id: number, relevance: number): void {
    const slot = this.claim(id);
    this.relevances[slot] = (this.relevances[slot] as number) + relevance;
  }

  /** Raises the candidate's relevance to `relevance` when that is higher (sets it when it is not set yet). */
  raise(id: number, relevance: number): void {
    const slot = this.claim(id);
    if (relevance > (this.relevances[slot] as number)) this.relevances[slot] = relevance;
  }

  /** The slot holding `id`, or the empty slot where it would go. */
  private slotOf(id: number): number {
    const mask = this.ids.length - 1;
    // Memory ids are row ids below 2^32 (see PostingList): their low 32 bits, scrambled, pick the first slot.
    let slot = (Math.imul(id >>> 0, 0x9e3779b1) >>> 0) & mask;
    while (this.stamps[slot] === this.stamp && this.ids[slot] !== id) slot = (slot + 1) & mask;
    return slot;
  }

  /** The slot of `id`, set to relevance 0 when it was not set. */
  private claim(id: number): number {
    let slot = this.slotOf(id);
    if (this.stamps[slot] === this.stamp) return slot;
    if ((this.count + 1) * 2 > this.ids.length) {
      this.grow();
      slot = this.slotOf(id);
    }
    this.stamps[slot] = this.stamp;
    this.ids[slot] = id;
    this.relevances[slot] = 0;
    this.order[this.count++] = slot;
    return slot;
  }

  /** Doubles the table, keeping the candidates and their order. */
  private grow(): void {
    const ids = this.ids;
    const relevances = this.relevances;
    const order = this.order;
    const count = this.count;
    const capacity = ids.length * 2;
    this.ids = new Float64Array(capacity);
    this.relevances = new Float64Array(capacity);
    this.stamps = new Uint32Array(capacity);
    this.order = new Int32Array(capacity / 2);
    this.stamp = 1;
    this.count = 0;
    for (let i = 0; i < count; i++) {
      const from = order[i] as number;
      this.relevances[this.claim(ids[from] as number)] = relevances[from] as number;
    }
  }
}
