/** Occurrences a new list has room for before it first grows. */
const FIRST_CAPACITY = 8;

/**
 * Where one stem occurs among an agent's memories: memory ids in ascending
 * order with how often each holds it, in two typed arrays, 5 bytes an
 * occurrence outside the heap where two arrays of numbers took about 12
 * inside it. Ids are SQLite row ids, handed out in order: a database never
 * comes near 2^32 rows, and a new memory's id almost always goes last.
 * A count past 255 is kept as 255, where BM25 has long stopped telling counts apart.
 */
export class PostingList {
  ids: Uint32Array;
  frequencies: Uint8Array;
  length = 0;

  constructor(capacity = FIRST_CAPACITY) {
    this.ids = new Uint32Array(capacity);
    this.frequencies = new Uint8Array(capacity);
  }

  /** Adds a memory that holds the stem `frequency` times, in its place by id. */
  push(id: number, frequency: number): void {
    if (this.length === this.ids.length) this.grow();
    let at = this.length;
    while (at > 0 && (this.ids[at - 1] as number) > id) at--;
    if (at < this.length) {
      this.ids.copyWithin(at + 1, at, this.length);
      this.frequencies.copyWithin(at + 1, at, this.length);
    }
    this.ids[at] = id;
    this.frequencies[at] = Math.min(frequency, 255);
    this.length++;
  }

  private grow(): void {
    const capacity = Math.max(FIRST_CAPACITY, Math.ceil(this.ids.length * 1.5));
    const ids = new Uint32Array(capacity);
    ids.set(this.ids);
    const frequencies = new Uint8Array(capacity);
    frequencies.set(this.frequencies);
    this.ids = ids;
    this.frequencies = frequencies;
  }
}
