/**
 * Function words and chat filler that carry little meaning on their own. One
 * list for every reader (offline embeddings, keyword search, tool matching,
 * summaries), so a word that is noise to one is noise to all. Contractions
 * appear without their apostrophe, as `tokenize` leaves them (`dont`), and as
 * a plain split on letters leaves them (`don`).
 */
const STOPWORDS = new Set(
  (
    "a about above after again against all am an and any are as at be because been before being below between both " +
    "but by can could did do does doing down during each few for from further had has have having he her here hers " +
    "herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on " +
    "once only or other our ours ourselves out over own same she should so some such than that the their theirs them " +
    "themselves then there these they this those through to too under until up very was we were what when where " +
    "which while who whom why will with would you your yours yourself yourselves im ive id ill youre youve youd " +
    "dont doesnt didnt cant wont isnt arent wasnt werent whats thats theres lets hes shes its also get got please " +
    "tell really much many well oh yeah yes ok okay hey hi don ought let"
  ).split(" "),
);

/** True for function words that carry little meaning on their own (`the`, `is`, `my`); expects a lower-cased word. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}
