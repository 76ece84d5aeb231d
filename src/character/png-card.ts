const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** True when `bytes` start with the PNG signature. */
export function isPng(bytes: Buffer): boolean {
  return bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE);
}

/**
 * The character card JSON text embedded in a PNG (Tavern convention: a `tEXt`
 * chunk with keyword `chara` holding base64 JSON), `undefined` when there is
 * none, or `"truncated"` when the chunks run past the end of the file.
 */
export function readPngCard(bytes: Buffer): string | undefined | "truncated" {
  let offset = 8;
  while (offset + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString("latin1", offset + 4, offset + 8);
    const dataStart = offset + 8;
    const dataEnd = dataStart + length;
    if (dataEnd + 4 > bytes.length) return "truncated";
    if (type === "tEXt") {
      const data = bytes.subarray(dataStart, dataEnd);
      const separator = data.indexOf(0);
      if (separator !== -1 && data.toString("latin1", 0, separator) === "chara") {
        return Buffer.from(data.toString("latin1", separator + 1), "base64").toString("utf8");
      }
    }
    if (type === "IEND") return undefined;
    offset = dataEnd + 4;
  }
  return undefined;
}
