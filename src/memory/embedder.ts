/**
 * What long-term memory needs from an embedding model: a stable model name
 * (vectors of different models never mix), a fixed dimension, and a batch
 * `embed`. The offline model embeds synchronously; remote models return a
 * promise.
 */
export interface Embedder {
  readonly model: string;
  readonly dimensions: number;
  embed(texts: string[]): Float32Array[] | Promise<Float32Array[]>;
  /** Present when embedding is local and cheap: the vector is then stored with the row, in the same write. */
  embedSync?(text: string): Float32Array;
}

/** A LangChain `Embeddings`, optionally with a synchronous `embedSync` (the offline model has one). */
export interface EmbeddingsLike {
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedSync?(text: string): Float32Array;
}

/**
 * Adapts a LangChain `Embeddings` to an `Embedder`, using its synchronous path when it has one.
 *
 * @example createEmbedder(new OfflineEmbeddings(), { model: "offline-hash-v1", dimensions: 384 })
 */
export function createEmbedder(embeddings: EmbeddingsLike, options: { model: string; dimensions: number }): Embedder {
  const embedSync = embeddings.embedSync?.bind(embeddings);
  if (embedSync) return { ...options, embed: (texts) => texts.map(embedSync), embedSync };
  return {
    ...options,
    embed: async (texts) => (await embeddings.embedDocuments(texts)).map((vector) => Float32Array.from(vector)),
  };
}
