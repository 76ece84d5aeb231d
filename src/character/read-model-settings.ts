import type { ModelSettings } from "./character.js";
import { describeValue, type FileReport, isObject } from "./file-report.js";
import { readString } from "./read-values.js";

const PROVIDERS = ["offline", "openai", "openai-compatible"] as const;

/**
 * Maps elizaOS model fields onto Troupe's `model`: `modelProvider`,
 * `settings.model`, `settings.embeddingModel` and `settings.modelConfig`
 * (`temperature`, `maxOutputTokens` or `max_response_length`). A provider
 * Troupe lacks is kept in `extra` with a warning, and its model names are not
 * carried over, so the default provider is used with its own models.
 */
export function readElizaModel(
  report: FileReport,
  modelProvider: unknown,
  settings: Record<string, unknown>,
): { model: ModelSettings; extra: Record<string, unknown> } {
  const model: ModelSettings = {};
  const extra: Record<string, unknown> = {};
  const provider = readString(report, modelProvider, ["modelProvider"]);
  let supported = true;
  if (provider !== undefined) {
    const known = PROVIDERS.find((name) => name === provider.toLowerCase());
    if (known) model.provider = known;
    else {
      supported = false;
      extra.modelProvider = provider;
      report.warn(["modelProvider"], `${provider}: provider not supported by Troupe; using the default provider`);
    }
  }
  const modelName = readString(report, settings.model, ["settings", "model"]);
  const embeddingModel = readString(report, settings.embeddingModel, ["settings", "embeddingModel"]);
  if (supported && modelName) model.model = modelName;
  if (supported && embeddingModel) model.embeddingModel = embeddingModel;
  const config = settings.modelConfig;
  if (config === undefined) return { model, extra };
  if (!isObject(config)) {
    report.problem(["settings", "modelConfig"], "expected object", config);
    return { model, extra };
  }
  const { temperature } = config;
  if (typeof temperature === "number" && temperature >= 0 && temperature <= 2) model.temperature = temperature;
  else if (temperature !== undefined) {
    report.problemText(["settings", "modelConfig", "temperature"], "expected a number from 0 to 2", shown(temperature));
  }
  const tokensKey = config.maxOutputTokens !== undefined ? "maxOutputTokens" : "max_response_length";
  const maxTokens = config[tokensKey];
  if (typeof maxTokens === "number" && Number.isInteger(maxTokens) && maxTokens > 0) model.maxTokens = maxTokens;
  else if (maxTokens !== undefined) {
    report.problemText(["settings", "modelConfig", tokensKey], "expected a positive whole number", shown(maxTokens));
  }
  return { model, extra };
}

function shown(value: unknown): string {
  return typeof value === "number" ? String(value) : describeValue(value);
}
