/**
 * One copy of each string long-term memory keeps per memory (room ids, user
 * ids, kinds). Each message arrives with its own copy of its room's and
 * user's ids, which every memory made from it would otherwise hold: about
 * 100 bytes per memory, the same few strings over and over.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  /** The pool's copy of `value` (null stays null). */
  intern<T extends string | null>(value: T): T {
    if (value === null) return value;
    const known = this.strings.get(value);
    if (known !== undefined) return known as T;
    this.strings.set(value, value);
    return value;
  }
}
