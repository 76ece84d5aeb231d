/**
 * What X charges per call under its pay-per-use pricing (2026), in US
 * dollars: the connector adds these up to show an estimated daily cost.
 * They are estimates for the operator, not a bill.
 */
export const X_API_PRICES = {
  /** One post returned by a read (a mention). */
  postRead: 0.005,
  /** One user returned by a read (`GET /2/users/me`). */
  userRead: 0.01,
  /** One post created (a reply, a thread part, a scheduled post). */
  postCreate: 0.015,
} as const;
