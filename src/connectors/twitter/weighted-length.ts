import twitterText from "twitter-text";

/** X's limit for one post, in weighted characters. */
export const MAX_POST_WEIGHT = 280;

/**
 * The length X counts for a post (twitter-text's weighting): most characters
 * 1, CJK and emoji 2, any URL 23 however long it is.
 */
export function weightedLength(text: string): number {
  return twitterText.parseTweet(text).weightedLength;
}
