import { join } from "node:path";
import type { MemoryKind } from "./memory-record.js";
import type { MemoryStatements } from "./memory-rows.js";
import { VectorIndex } from "./vector-index.js";

/**
 * Knowledge and conversation live in separate indexes, so a recall of one
 * never wades through the other (hnswlib filters by calling back into JS for
 * every candidate, which is slow when most candidates are rejected).
 */
export type Shelf = "conversation" | "knowledge";

/** The shelf a kind of memory is indexed on. */
export function shelfOf(kind: MemoryKind): Shelf {
  return kind === "knowledge" ? "knowledge" : "conversation";
}

/** The file of the index recorded as `name` (`<agent>#<shelf>`) in `vector_indexes`: `<agent>.<shelf>.hnsw`. */
export function indexFileName(name: string): string {
  const cut = name.lastIndexOf("#");
  return `${encodeURIComponent(name.slice(0, cut))}.${name.slice(cut + 1)}.hnsw`;
}

/** Options of `ShelfIndex`. */
export interface ShelfIndexOptions {
  agent: string;
  statements: MemoryStatements;
  /** Model and dimension of the vectors; a saved index made with others is rebuilt. */
  model: string;
  dimensions: number;
  /** Folder for the index files; unset: the indexes live in memory only. */
  indexDir?: string;
}

/**
 * One agent's vector indexes, one per shelf: made empty on first use, loaded
 * from their files when SQLite vouches for them (same model, dimension and
 * file size as recorded at the last save), saved with how far they reach.
 */
export class ShelfIndex {
  private readonly indexes = new Map<Shelf, VectorIndex>();

  constructor(private readonly options: ShelfIndexOptions) {}

  /**
   * Loads each shelf's saved index where it can be trusted; returns, per
   * shelf, the last memory id it holds (0: nothing loaded, rebuild from SQLite).
   */
  load(): Record<Shelf, number> {
    return { conversation: this.loadShelf("conversation"), knowledge: this.loadShelf("knowledge") };
  }

  /** A shelf's index, made empty on first use (each costs an allocation; many agents never get knowledge). */
  of(shelf: Shelf): VectorIndex {
    let index = this.indexes.get(shelf);
    if (!index) {
      index = VectorIndex.create({ dimensions: this.options.dimensions });
      this.indexes.set(shelf, index);
    }
    return index;
  }

  /** The index a memory of this kind belongs in. */
  forKind(kind: MemoryKind): VectorIndex {
    return this.of(shelfOf(kind));
  }

  /** A shelf's index if it was loaded or made; undefined while the shelf has none (see `LongTermMemory`). */
  find(shelf: Shelf): VectorIndex | undefined {
    return this.indexes.get(shelf);
  }

  /** Vectors held over all shelves (deleted ones included until a rebuild). */
  get size(): number {
    let size = 0;
    for (const index of this.indexes.values()) size += index.size;
    return size;
  }

  /**
   * Writes each shelf's file and records how far it reaches (`through`: per
   * shelf, the last memory id below which every memory is in the index), so
   * the next start loads it and adds only what came after.
   */
  save(through: Record<Shelf, number>): void {
    const { indexDir, statements, model, dimensions } = this.options;
    if (!indexDir) return;
    // A shelf with no index yet (few memories, searched without one) has no file either.
    for (const [shelf, index] of this.indexes) {
      const size = index.save(this.fileOf(shelf, indexDir));
      statements.saveIndex.run(this.nameOf(shelf), model, dimensions, through[shelf], size);
    }
  }

  private loadShelf(shelf: Shelf): number {
    const { indexDir, statements, model, dimensions } = this.options;
    const saved = statements.savedIndex.get(this.nameOf(shelf));
    if (!indexDir || !saved || saved.model !== model || saved.dimensions !== dimensions) return 0;
    const loaded = VectorIndex.load(this.fileOf(shelf, indexDir), saved.file_size, { dimensions });
    if (!loaded) return 0;
    this.indexes.set(shelf, loaded);
    return saved.indexed_through;
  }

  private nameOf(shelf: Shelf): string {
    return `${this.options.agent}#${shelf}`;
  }

  private fileOf(shelf: Shelf, indexDir: string): string {
    return join(indexDir, indexFileName(`${this.options.agent}#${shelf}`));
  }
}
