/**
 * The best `limit` ids seen so far by score, best first, in typed arrays
 * kept from search to search: a best-first list of objects made an object
 * and a boxed score for every id that entered it, and a search that walks
 * its candidates in id order sees a hundred or more enter. Ties keep the
 * order they came in.
 */
export class TopScores {
  private ids = new Float64Array(0);
  private scores = new Float64Array(0);
  private limit = 0;
  /** How many ids are held (at most the limit). */
  length = 0;

  /** Empties the list and sets how many ids it keeps. */
  reset(limit: number): void {
    if (this.ids.length < limit) {
      this.ids = new Float64Array(limit);
      this.scores = new Float64Array(limit);
    }
    this.limit = limit;
    this.length = 0;
  }

  /** Whether an id scoring `score` would enter the list: check it before any work that only an entering id needs. */
  enters(score: number): boolean {
    if (this.length < this.limit) return true;
    return this.limit > 0 && score > (this.scores[this.length - 1] as number);
  }

  /** Puts an id in its place, dropping the last when the list is full. Call it only when `enters(score)`. */
  insert(id: number, score: number): void {
    if (this.length === this.limit) this.length--;
    let at = this.length;
    while (at > 0 && (this.scores[at - 1] as number) < score) {
      this.ids[at] = this.ids[at - 1] as number;
      this.scores[at] = this.scores[at - 1] as number;
      at--;
    }
    this.ids[at] = id;
    this.scores[at] = score;
    this.length++;
  }

  idAt(i: number): number {
    return this.ids[i] as number;
  }

  scoreAt(i: number): number {
    return this.scores[i] as number;
  }
}
