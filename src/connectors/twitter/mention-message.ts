import type { TweetV2, UserV2 } from "twitter-api-v2";
import type { InboundMessage } from "../../messages/index.js";
import { leadingMentions, stripLeadingMentions } from "./strip-leading-mentions.js";
import type { XAccount } from "./x-api.js";

/**
 * A mention as the agent sees it. The conversation (`conversation_id`) is the
 * room, so the agent remembers the thread. In a reply, the leading run of
 * `@handles` is reply-chain metadata X fills in: the bot counts as mentioned
 * only when named beyond that run, or when the post replies to the bot.
 * The text handed on starts after the run. Users are `twitter:<id>`, so a
 * profile never mixes with another platform's user of the same number.
 */
export function mentionMessage(
  tweet: TweetV2,
  author: UserV2 | undefined,
  account: XAccount,
  isBot: boolean,
): InboundMessage {
  const isReply = tweet.in_reply_to_user_id !== undefined || (tweet.referenced_tweets ?? []).some(isRepliedTo);
  const text = stripLeadingMentions(tweet.text);
  const handle = account.username.toLowerCase();
  const namedInBody = new RegExp(`(^|[^\\w])@${handle}\\b`, "i").test(text);
  const namedAtStart = leadingMentions(tweet.text).includes(handle);
  const authorId = tweet.author_id ?? "unknown";
  return {
    platform: "twitter",
    id: tweet.id,
    room: { id: tweet.conversation_id ?? tweet.id, kind: "group" },
    user: { id: `twitter:${authorId}`, name: author?.name || author?.username || authorId, isBot },
    text,
    mentionsAgent: namedInBody || (namedAtStart && !isReply),
    repliesToAgent: tweet.in_reply_to_user_id === account.id,
    receivedAt: tweet.created_at ? Date.parse(tweet.created_at) : Date.now(),
    raw: tweet,
  };
}

function isRepliedTo(reference: { type: string }): boolean {
  return reference.type === "replied_to";
}
