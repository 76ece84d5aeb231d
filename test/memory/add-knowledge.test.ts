import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addKnowledge, createEmbedder, ingestKnowledge, LongTermMemory } from "../../src/memory/index.js";
import { OfflineEmbeddings } from "../../src/offline/index.js";
import { openTroupeStore } from "../../src/runtime/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

const embedder = createEmbedder(new OfflineEmbeddings(), { model: "offline-test", dimensions: 384 });

/** A one-page PDF showing `text` in Helvetica, written by hand (objects, xref table, trailer). */
function minimalPdf(text: string): string {
  const content = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, "0")} 00000 n \n`;
  return `${pdf}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}

describe("addKnowledge", () => {
  const tempDir = useTempDir();

  it("ingests a folder of text and PDF files once, replaces a changed file, and survives the character's own ingestion", async () => {
    const dir = tempDir();
    const folder = join(dir, "docs");
    mkdirSync(join(folder, "deep"), { recursive: true });
    writeFileSync(join(folder, "tides.md"), "# Tides\n\nThe harbour floods at spring tide.");
    writeFileSync(join(folder, "deep", "keeper.pdf"), minimalPdf("The lighthouse keeper is called Ottoline"));
    writeFileSync(join(folder, "photo.png"), "not knowledge");
    const db = openTroupeStore({ dataDir: dir });
    const memory = new LongTermMemory({ db, agent: "Juno", embedder });
    memory.open();

    const bars: number[] = [];
    const first = await addKnowledge(memory, folder, {
      progress: (_label, total) => ({ update: (done) => bars.push(done / total), finish: () => bars.push(-1) }),
    });
    expect(first).toEqual({ added: 2, removed: 0, unchanged: 0 });
    expect(bars.slice(-2)).toEqual([1, -1]);
    const [keeper] = await memory.recall("who keeps the lighthouse", { k: 1, kinds: ["knowledge"] });
    expect(keeper?.text).toBe("The lighthouse keeper is called Ottoline");

    expect(await addKnowledge(memory, folder)).toEqual({ added: 0, removed: 0, unchanged: 2 });

    writeFileSync(join(folder, "tides.md"), "# Tides\n\nThe harbour floods at neap tide now.");
    expect(await addKnowledge(memory, join(folder, "tides.md"))).toEqual({ added: 1, removed: 1, unchanged: 0 });
    const texts = db.prepare("SELECT text FROM memories WHERE kind = 'knowledge' ORDER BY id").pluck().all();
    expect(texts).toEqual([
      "The lighthouse keeper is called Ottoline",
      "# Tides\n\nThe harbour floods at neap tide now.",
    ]);

    const report = await ingestKnowledge(memory, [{ kind: "text", text: "Juno hosts on Fridays." }], dir);
    expect(report).toEqual({ added: 1, removed: 0, unchanged: 0 });
    expect(db.prepare("SELECT COUNT(*) FROM memories WHERE kind = 'knowledge'").pluck().get()).toBe(3);
    db.close();
  });

  it("refuses a single file of a type it cannot read, naming it", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "photo.png"), "x");
    const db = openTroupeStore({ dataDir: dir });
    const memory = new LongTermMemory({ db, agent: "Juno", embedder });
    memory.open();
    await expect(addKnowledge(memory, join(dir, "photo.png"))).rejects.toThrow(/photo\.png: cannot read this file/);
    db.close();
  });
});
