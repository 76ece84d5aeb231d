/**
 * Text: the ground floor every other part of Troupe reads text with. Splitting
 * into sentences, word tokens, a light stemmer and stop words, cleaning user
 * text, a rough token estimate, cosine similarity of embeddings, English
 * number words, escaping text for a regular expression, and filling
 * `{{user}}`/`{{char}}` placeholders. It imports
 * nothing of Troupe, so memory, the bus, the models and plugins can all use
 * it; plugins import it as `troupe/text`.
 */
export { type CleanTextOptions, cleanText, MAX_MESSAGE_CHARS } from "./clean-text.js";
export { contentStems } from "./content-stems.js";
export { cosineSimilarity } from "./cosine-similarity.js";
export { escapeRegExp } from "./escape-reg-exp.js";
export { estimateTokens } from "./estimate-tokens.js";
export { fillNames } from "./fill-names.js";
export { NUMBER_WORD_PATTERN, NUMBER_WORDS, numberFromWord } from "./number-words.js";
export { splitSentences } from "./split-sentences.js";
export { stem } from "./stem.js";
export { isStopword } from "./stopwords.js";
export { tokenize } from "./tokenize.js";
