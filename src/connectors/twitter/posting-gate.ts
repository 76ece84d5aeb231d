/**
 * Whether a character may still post: X's 403 ("this request looks
 * automated", error 226) closes it until restart, for replies and posts alike.
 */
export interface PostingGate {
  stoppedReason?: string;
}
