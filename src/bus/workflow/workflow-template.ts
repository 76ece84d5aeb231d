/** What a template can refer to: the run's input and the outputs of finished steps. */
export interface TemplateScope {
  input: Record<string, unknown>;
  steps: Record<string, { output?: string; agent?: string }>;
}

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

/**
 * Fills `{{input.topic}}`, `{{input}}` (the whole input as JSON),
 * `{{steps.research.output}}` and `{{steps.research.agent}}`. An unknown
 * reference becomes an empty string.
 */
export function renderTemplate(template: string, scope: TemplateScope): string {
  return template.replace(PLACEHOLDER, (_, path: string) => {
    const [root, ...rest] = path.split(".");
    if (root === "input") {
      if (rest.length === 0) return JSON.stringify(scope.input);
      const value = rest.reduce<unknown>(
        (node, key) => (node as Record<string, unknown> | undefined)?.[key],
        scope.input,
      );
      return value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value);
    }
    if (root === "steps") {
      const [id, field = "output"] = rest;
      const step = id === undefined ? undefined : scope.steps[id];
      return (field === "agent" ? step?.agent : step?.output) ?? "";
    }
    return "";
  });
}

/** The step ids a template refers to (`{{steps.<id>.…}}`). */
export function stepReferences(template: string): string[] {
  const ids: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    const [root, id] = (match[1] as string).split(".");
    if (root === "steps" && id) ids.push(id);
  }
  return ids;
}

/** The input fields a template refers to (`{{input.<name>…}}`), by their first name. */
export function inputReferences(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    const [root, name] = (match[1] as string).split(".");
    if (root === "input" && name) names.push(name);
  }
  return names;
}

/** A rendered condition is false when empty, `false`, `no`, `0` or `null`; a leading `!` negates it. */
export function isTruthy(rendered: string): boolean {
  const text = rendered.trim();
  if (text.startsWith("!")) return !isTruthy(text.slice(1));
  return !["", "false", "no", "0", "null", "undefined"].includes(text.toLowerCase());
}
