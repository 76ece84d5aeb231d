/** A set that forgets its oldest ids beyond `limit`: enough memory to recognise a redelivery. */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly limit = 100_000) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    this.ids.add(id);
    if (this.ids.size > this.limit) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
  }
}
