import { copyFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Store } from "../store/index.js";
import { indexFileName } from "./shelf-index.js";

/** A `vector_indexes` record: which file, made with what, reaching how far, of what size. */
export interface IndexRecord {
  name: string;
  model: string;
  dimensions: number;
  indexed_through: number;
  file_size: number;
}

const ATTEMPTS = 5;

/**
 * Copies the saved vector index files of `indexDir` to `targetDir` while a
 * running troupe may be saving them (each save replaces a file whole, then
 * updates its record): a file counts as copied only when its record was the
 * same before and after the copy and matches the copy's size. Returns the
 * records of the files copied; a file that kept changing is left out (a
 * restore then rebuilds that index from SQLite).
 */
export function copyIndexFiles(db: Store, indexDir: string, targetDir: string): IndexRecord[] {
  const read = db.prepare<[], IndexRecord>(
    "SELECT name, model, dimensions, indexed_through, file_size FROM vector_indexes",
  );
  mkdirSync(targetDir, { recursive: true });
  const copied: IndexRecord[] = [];
  for (const record of read.all()) {
    const file = indexFileName(record.name);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const before = recordOf(read.all(), record.name);
      if (!before || !existsSync(join(indexDir, file))) break;
      copyFileSync(join(indexDir, file), join(targetDir, file));
      const after = recordOf(read.all(), record.name);
      if (sameRecord(before, after) && statSync(join(targetDir, file)).size === before.file_size) {
        copied.push(before);
        break;
      }
    }
  }
  return copied;
}

/**
 * Makes a copied database's `vector_indexes` describe exactly the copied
 * files: their records as they were when copied (older than, or as old as,
 * the database snapshot, so a start adds what came after), and none for a
 * file that was not copied.
 */
export function pinIndexRecords(db: Store, records: IndexRecord[]): void {
  db.transaction(() => {
    db.prepare("DELETE FROM vector_indexes").run();
    const insert = db.prepare(
      "INSERT INTO vector_indexes (name, model, dimensions, indexed_through, file_size) VALUES (?, ?, ?, ?, ?)",
    );
    for (const r of records) insert.run(r.name, r.model, r.dimensions, r.indexed_through, r.file_size);
  })();
}

function recordOf(records: IndexRecord[], name: string): IndexRecord | undefined {
  return records.find((record) => record.name === name);
}

function sameRecord(a: IndexRecord, b: IndexRecord | undefined): boolean {
  return (
    b !== undefined && a.indexed_through === b.indexed_through && a.file_size === b.file_size && a.model === b.model
  );
}
