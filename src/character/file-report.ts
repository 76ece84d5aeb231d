/** A JSON path as segments: `["messageExamples", 2, 0, "content", "text"]`. */
export type JsonPath = readonly (string | number)[];

/** Collects the problems and warnings of one character file, each line prefixed with the file. */
export interface FileReport {
  readonly file: string;
  readonly problems: string[];
  readonly warnings: string[];
  /** Records `<file>: <path>: <expected>, got <description of found>`. */
  problem(path: JsonPath, expected: string, found: unknown): void;
  /** Records a problem whose "got" part is already written, e.g. `"./missing" (not found)`. */
  problemText(path: JsonPath, expected: string, got: string): void;
  warn(path: JsonPath, message: string): void;
}

/** Creates an empty report for `file` (shown as given). */
export function createFileReport(file: string): FileReport {
  const problems: string[] = [];
  const warnings: string[] = [];
  const prefix = (path: JsonPath) => (path.length === 0 ? `${file}: ` : `${file}: ${formatJsonPath(path)}: `);
  return {
    file,
    problems,
    warnings,
    problem: (path, expected, found) => problems.push(`${prefix(path)}${expected}, got ${describeValue(found)}`),
    problemText: (path, expected, got) => problems.push(`${prefix(path)}${expected}, got ${got}`),
    warn: (path, message) => warnings.push(`${prefix(path)}${message}`),
  };
}

/** `["a", 2, "b c"]` → `a[2]["b c"]`. */
export function formatJsonPath(path: JsonPath): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) text += text === "" ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** What a found value is, for the "got …" part of a problem: `number`, `an empty string`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (value === "") return "an empty string";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
