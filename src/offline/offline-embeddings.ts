import { Embeddings } from "@langchain/core/embeddings";
import { isStopword, stem, tokenize } from "../text/index.js";
import { addHashed, hashRange, hashText } from "./feature-hashing.js";
import { InvalidDimensionsError } from "./invalid-dimensions-error.js";

/** Options of `OfflineEmbeddings`. */
export interface OfflineEmbeddingsOptions {
  /** Length of every vector. Default 384. */
  dimensions?: number;
}

const MIN_DIMENSIONS = 16;
const MAX_DIMENSIONS = 65_536;
/** Longer texts are embedded by their start; it keeps one call bounded in time. */
const MAX_CHARS = 16_000;

const SEED_WORD = 0x9e3779b1;
const SEED_PAIR = 0x85ebca77;
const SEED_CHARS = 0xc2b2ae3d;
const SEED_EMPTY = 0x27d4eb2f;

const WORD_WEIGHT = 1;
const STOPWORD_WEIGHT = 0.2;
const PAIR_WEIGHT = 0.5;
/** Total weight of one word's character n-grams, comparable to the word itself. */
const CHARS_WEIGHT = 0.6;

/**
 * Offline, deterministic text embeddings: word unigrams (lightly stemmed,
 * stopwords down-weighted), word bigrams and character 3- and 4-grams inside
 * each word, hashed with signs into a fixed dimension, with sub-linear term
 * frequency, then L2-normalised. Needs no network, no model file and no key;
 * good enough to find the paraphrase of a question among a few hundred lines.
 *
 * Empty text embeds to a fixed unit vector, so every vector has norm 1.
 *
 * @example
 * const embeddings = new OfflineEmbeddings();
 * const a = embeddings.embedSync("I adopted a cat");
 * const b = embeddings.embedSync("we got a new kitten, a cat");
 * cosineSimilarity(a, b); // clearly above an unrelated sentence
 */
export class OfflineEmbeddings extends Embeddings {
  /** Length of every vector this instance produces. */
  readonly dimensions: number;

  constructor(options: OfflineEmbeddingsOptions = {}) {
    super({});
    const dimensions = options.dimensions ?? 384;
    if (!Number.isInteger(dimensions) || dimensions < MIN_DIMENSIONS || dimensions > MAX_DIMENSIONS) {
      throw new InvalidDimensionsError({ dimensions, min: MIN_DIMENSIONS, max: MAX_DIMENSIONS });
    }
    this.dimensions = dimensions;
  }

  /** Embeds `text` synchronously (tens of microseconds for a sentence): the runtime's hot path. */
  embedSync(text: string): Float32Array {
    const vector = new Float32Array(this.dimensions);
    const words = tokenize(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text);
    if (words.length === 0) {
      addHashed(vector, hashText("", SEED_EMPTY), 1);
      return normalise(vector);
    }
    const stems = words.map(stem);
    addWordFeatures(vector, words, stems);
    addPairFeatures(vector, words, stems);
    return normalise(vector);
  }

  /** Embeds each document (LangChain `Embeddings` contract). */
  override async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((document) => Array.from(this.embedSync(document)));
  }

  /** Embeds one query (LangChain `Embeddings` contract). */
  override async embedQuery(document: string): Promise<number[]> {
    return Array.from(this.embedSync(document));
  }
}

function termFrequencies(items: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

function addWordFeatures(vector: Float32Array, words: string[], stems: string[]): void {
  // forEach, not for…of: each [word, count] pair would be garbage, three texts a message.
  termFrequencies(stems).forEach((count, word) => {
    const weight = (isStopword(word) ? STOPWORD_WEIGHT : WORD_WEIGHT) * (1 + Math.log(count));
    addHashed(vector, hashText(word, SEED_WORD), weight);
  });
  termFrequencies(words).forEach((count, word) => {
    if (!isStopword(word)) addCharacterGrams(vector, word, 1 + Math.log(count));
  });
}

/** Character 3- and 4-grams of ` word ` (padded so prefixes and suffixes count), which tolerate typos and inflections. */
function addCharacterGrams(vector: Float32Array, word: string, scale: number): void {
  const padded = ` ${word} `;
  const grams = Math.max(0, padded.length - 2) + Math.max(0, padded.length - 3);
  if (grams === 0) return;
  const weight = (CHARS_WEIGHT * scale) / Math.sqrt(grams);
  for (let size = 3; size <= 4; size++) {
    for (let start = 0; start + size <= padded.length; start++) {
      addHashed(vector, hashRange(padded, start, start + size, SEED_CHARS), weight);
    }
  }
}

function addPairFeatures(vector: Float32Array, words: string[], stems: string[]): void {
  for (let index = 1; index < stems.length; index++) {
    const firstStop = isStopword(words[index - 1] as string);
    const secondStop = isStopword(words[index] as string);
    if (firstStop && secondStop) continue;
    const first = hashText(stems[index - 1] as string, SEED_PAIR);
    const weight = firstStop || secondStop ? PAIR_WEIGHT / 2 : PAIR_WEIGHT;
    addHashed(vector, hashText(stems[index] as string, first), weight);
  }
}

function normalise(vector: Float32Array): Float32Array {
  let sum = 0;
  for (let index = 0; index < vector.length; index++) sum += (vector[index] as number) ** 2;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let index = 0; index < vector.length; index++) vector[index] = (vector[index] as number) / norm;
  return vector;
}
