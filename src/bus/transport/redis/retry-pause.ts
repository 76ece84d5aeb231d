/**
 * The wait between a read loop's retries, which `stop` cuts short: a loop
 * backing off while Redis is down must not hold up a shutdown for its
 * remaining seconds.
 */
export class RetryPause {
  private wake: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;

  /** Waits 100 ms × 2^failures, at most 5 s, or until `cancel`. */
  after(failures: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, Math.min(100 * 2 ** failures, 5000));
    });
  }

  /** Ends the current wait now. */
  cancel(): void {
    clearTimeout(this.timer);
    this.wake?.();
  }
}
