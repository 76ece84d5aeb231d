/**
 * A typed array kept from call to call and grown (doubling) when a call
 * needs more: for work that runs on every message over thousands of numbers
 * and would otherwise make fresh arrays of them each time. Its contents are
 * whatever the last caller left; a caller that hands it out says until when
 * it may be read.
 */
export class ScratchArray<T extends Int32Array | Float64Array> {
  private array: T;
  private readonly make: new (
    length: number,
  ) => T;

  constructor(make: new (length: number) => T) {
    this.make = make;
    this.array = new make(0);
  }

  /** The array, at least `length` long. */
  take(length: number): T {
    if (this.array.length < length) this.array = new this.make(Math.max(length, this.array.length * 2));
    return this.array;
  }
}
