/**
 * Keys of the facts in the "What you know about the user" section, one
 * `- <key>: <value>` line each. `favourite <thing>` keys carry the thing,
 * e.g. `favourite food: ramen`; `pet` values read like `a dog called Rex`.
 */
export const FACT_KEY = {
  name: "name",
  location: "lives in",
  job: "works as",
  pet: "pet",
  age: "age",
  likes: "likes",
  dislikes: "dislikes",
  favouritePrefix: "favourite ",
} as const;
