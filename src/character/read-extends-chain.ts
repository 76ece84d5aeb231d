import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { createFileReport, type FileReport } from "./file-report.js";
import { readRawCharacter } from "./read-raw-character.js";
import { isTavernCard } from "./read-tavern-card.js";
import { readStringEntries } from "./read-values.js";

/** One file of an `extends` chain with its own report, so problems name the file they are in. */
export interface ChainLayer {
  file: string;
  raw: Record<string, unknown>;
  report: FileReport;
}

/**
 * Follows elizaOS `extends` (paths to base character files, relative to the
 * file that names them) and returns every file of the chain, bases first in
 * the order listed, the starting file last.
 */
export async function readExtendsChain(
  file: string,
  raw: Record<string, unknown>,
  report: FileReport,
  seen: ReadonlySet<string> = new Set([resolve(file)]),
): Promise<ChainLayer[]> {
  const layers: ChainLayer[] = [];
  for (const [index, entry] of readStringEntries(report, raw.extends, ["extends"])) {
    const baseFile = isAbsolute(entry) ? entry : join(dirname(file), entry);
    const path = ["extends", index];
    if (seen.has(resolve(baseFile))) {
      report.problemText(path, "expected a file that does not extend itself", `${JSON.stringify(entry)} (a cycle)`);
      continue;
    }
    if (!existsSync(baseFile)) {
      report.problemText(path, "expected an existing character file", `${JSON.stringify(entry)} (not found)`);
      continue;
    }
    const baseReport = createFileReport(baseFile);
    const baseRaw = await readRawCharacter(baseFile, baseReport);
    if (baseRaw === undefined) {
      layers.push({ file: baseFile, raw: {}, report: baseReport });
    } else if (isTavernCard(baseRaw)) {
      report.problemText(
        path,
        "expected an elizaOS or Troupe character file",
        `${JSON.stringify(entry)} (a Tavern card)`,
      );
    } else {
      layers.push(...(await readExtendsChain(baseFile, baseRaw, baseReport, new Set([...seen, resolve(baseFile)]))));
    }
  }
  layers.push({ file, raw, report });
  return layers;
}
