import type { z } from "zod";
import {
  type Capability,
  type ConnectorPolicy,
  capabilitySchema,
  connectorPolicySchema,
  type MemorySettings,
  type ModelSettings,
  memorySettingsSchema,
  modelSettingsSchema,
} from "./character.js";
import { type FileReport, isObject, type JsonPath } from "./file-report.js";
import { TROUPE_CLIENTS } from "./read-plugins.js";
import { reportZodIssues } from "./report-zod-issues.js";

/** Troupe's own additions as written in one file (defaults are applied after `extends` merging). */
export interface TroupeFields {
  capabilities?: Capability[];
  connectors?: Record<string, Partial<ConnectorPolicy>>;
  memory?: Partial<MemorySettings>;
  model?: ModelSettings;
}

/** Reads `capabilities`, `connectors`, `memory` and `model` (whose strings may hold `${VAR}`, already resolved). */
export function readTroupeFields(report: FileReport, raw: Record<string, unknown>): TroupeFields {
  const fields: TroupeFields = {};
  if (raw.capabilities !== undefined) fields.capabilities = readCapabilities(report, raw.capabilities);
  if (raw.connectors !== undefined) fields.connectors = readConnectors(report, raw.connectors);
  const memory = readSection(report, raw.memory, ["memory"], memorySettingsSchema);
  if (memory) fields.memory = memory;
  const model = readSection(report, raw.model, ["model"], modelSettingsSchema);
  if (model) fields.model = model as ModelSettings;
  return fields;
}

function readCapabilities(report: FileReport, value: unknown): Capability[] {
  if (!Array.isArray(value)) {
    report.problem(["capabilities"], "expected array", value);
    return [];
  }
  return value.flatMap((item, index): Capability[] => {
    if (typeof item === "string" && item !== "") return [{ name: item, description: "" }];
    if (!isObject(item)) {
      report.problem(["capabilities", index], "expected a non-empty string or {name, description} object", item);
      return [];
    }
    const parsed = capabilitySchema.safeParse(item);
    if (parsed.success) return [parsed.data];
    reportZodIssues(report, parsed.error.issues, ["capabilities", index], item);
    return [];
  });
}

function readConnectors(report: FileReport, value: unknown): Record<string, Partial<ConnectorPolicy>> {
  if (!isObject(value)) {
    report.problem(["connectors"], "expected object", value);
    return {};
  }
  const connectors: Record<string, Partial<ConnectorPolicy>> = {};
  for (const [platform, policy] of Object.entries(value)) {
    if (!(TROUPE_CLIENTS as readonly string[]).includes(platform)) {
      report.warn(["connectors", platform], `Troupe has no such connector (it has ${TROUPE_CLIENTS.join(", ")})`);
    }
    const read = readSection(report, policy, ["connectors", platform], connectorPolicySchema);
    if (read) connectors[platform] = read;
  }
  return connectors;
}

/**
 * Checks an object section against its schema and returns only the keys the
 * file wrote (so `extends` merging does not let defaults override a base).
 */
function readSection<Shape extends z.ZodRawShape>(
  report: FileReport,
  value: unknown,
  path: JsonPath,
  schema: z.ZodObject<Shape>,
): Partial<z.output<z.ZodObject<Shape>>> | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) {
    report.problem(path, "expected object", value);
    return undefined;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    reportZodIssues(report, parsed.error.issues, path, value);
    return undefined;
  }
  const written: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key in schema.shape) written[key] = (parsed.data as Record<string, unknown>)[key];
    else report.warn([...path, key], "unknown key, ignored");
  }
  return written as Partial<z.output<z.ZodObject<Shape>>>;
}
