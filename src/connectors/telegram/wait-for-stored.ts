/** How long Telegram's confirmation of an update (the next poll's offset, a webhook's 200) waits for it to be stored. */
export const STORE_WAIT_MS = 2_000;

/**
 * Waits for `stored` (an update's message recorded), but at most `ms`: a message queued behind a slow one in
 * its chat is not waited for long, and Telegram is told anyway.
 */
export async function waitForStored(stored: Promise<unknown>, ms = STORE_WAIT_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([stored, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
