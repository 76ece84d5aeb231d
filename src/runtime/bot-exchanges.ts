/**
 * Per room, how many bot messages in a row an agent has answered since a
 * human last spoke there: what keeps two bots from talking to each other
 * forever. Kept in memory; a restart starts every room from zero.
 */
export class BotExchanges {
  private readonly counts = new Map<string, number>();

  /** Bot messages answered in `room` since a human last spoke there. */
  count(room: string): number {
    return this.counts.get(room) ?? 0;
  }

  /** A human spoke in `room`: the count starts again. */
  humanSpoke(room: string): void {
    this.counts.delete(room);
  }

  /** The agent decided to answer a bot in `room`. */
  answeredBot(room: string): void {
    this.counts.set(room, this.count(room) + 1);
  }
}
