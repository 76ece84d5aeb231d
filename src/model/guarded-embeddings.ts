import { createHash } from "node:crypto";
import { Embeddings } from "@langchain/core/embeddings";
import { EmbeddingDimensionsError } from "./embedding-dimensions-error.js";
import { LruCache } from "./lru-cache.js";
import type { ModelGuard } from "./model-guard.js";
import type { UsageMeter } from "./usage-meter.js";

/** Options of `GuardedEmbeddings`. */
export interface GuardedEmbeddingsOptions {
  /** The remote embeddings (an `OpenAIEmbeddings`), called one batch at a time. */
  embeddings: Embeddings;
  guard: ModelGuard;
  character: string;
  model: string;
  /** The dimension of the agent's memory index; every vector is checked against it. */
  dimensions: number;
  /** Texts per request. Default 64. */
  batchSize?: number;
  /** Vectors kept by content hash. Default 4096. */
  cacheSize?: number;
  meter?: UsageMeter;
}

/**
 * Remote embeddings made safe for long-term memory: texts are embedded in
 * batches through the model guard (timeout, retries, circuit breaker), each
 * distinct text once (vectors are cached by a hash of the content), and every
 * vector is checked against the index dimension: a mismatch throws
 * `EmbeddingDimensionsError` with advice, never a silent drop or a zero vector.
 */
export class GuardedEmbeddings extends Embeddings {
  readonly dimensions: number;
  private readonly options: GuardedEmbeddingsOptions;
  private readonly cache: LruCache<string, number[]>;

  constructor(options: GuardedEmbeddingsOptions) {
    super({});
    this.options = options;
    this.dimensions = options.dimensions;
    this.cache = new LruCache(options.cacheSize ?? 4096);
  }

  /** Embeds `texts`, asking the server only for texts not embedded before. */
  async embedDocuments(texts: string[]): Promise<number[][]> {
    const keys = texts.map(contentHash);
    const missing = new Map<string, string>();
    keys.forEach((key, i) => {
      if (this.cache.get(key) === undefined) missing.set(key, texts[i] as string);
    });
    const found = new Map<string, number[]>();
    const pending = [...missing.entries()];
    const batchSize = this.options.batchSize ?? 64;
    for (let start = 0; start < pending.length; start += batchSize) {
      const batch = pending.slice(start, start + batchSize);
      const vectors = await this.embedBatch(batch.map(([, text]) => text));
      batch.forEach(([key], i) => {
        const vector = vectors[i] as number[];
        this.cache.set(key, vector);
        found.set(key, vector);
      });
    }
    return keys.map((key) => found.get(key) ?? (this.cache.get(key) as number[]));
  }

  /** Embeds one query text. */
  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embedDocuments([text]);
    return vector as number[];
  }

  private async embedBatch(texts: string[]): Promise<number[][]> {
    const { guard, embeddings, meter } = this.options;
    const started = performance.now();
    let vectors: number[][];
    try {
      vectors = await guard.run((signal) => untilAborted(embeddings.embedDocuments(texts), signal));
    } catch (error) {
      meter?.recordFailure(performance.now() - started);
      throw error;
    }
    meter?.recordCall(performance.now() - started, undefined);
    if (vectors.length !== texts.length) {
      throw new Error(`The embedding server returned ${vectors.length} vectors for ${texts.length} texts.`);
    }
    for (const vector of vectors) {
      if (vector.length !== this.dimensions) {
        throw new EmbeddingDimensionsError({
          character: this.options.character,
          model: this.options.model,
          expected: this.dimensions,
          actual: vector.length,
        });
      }
    }
    return vectors;
  }
}

function contentHash(text: string): string {
  return createHash("sha256").update(text).digest("base64url");
}

/** `OpenAIEmbeddings` takes no abort signal: the guard's timeout rejects the wait, its own timeout ends the request. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((done, fail) => {
    const abort = () => fail(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener("abort", abort, { once: true });
    promise.then(done, fail).finally(() => signal.removeEventListener("abort", abort));
  });
}
