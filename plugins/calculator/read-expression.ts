import { ExpressionError, evaluate } from "./parse-expression.js";

const WORDS: [RegExp, string][] = [
  [/(\d),(\d{3})\b/g, "$1$2"],
  [/(\d+(?:\.\d+)?)\s*(?:%|percent)\s+of\b/gi, "($1/100)*"],
  [/\bmultiplied by\b|\btimes\b|×/gi, "*"],
  [/\bdivided by\b|\bover\b|÷/gi, "/"],
  [/\bplus\b|\band\b/gi, "+"],
  [/\bminus\b/gi, "-"],
  [/\bto the power of\b|\bto the\b/gi, "^"],
  [/\bsquared\b/gi, "^2"],
  [/\bcubed\b/gi, "^3"],
  [/\bsquare root of\b|\bthe square root of\b/gi, "sqrt "],
  [/\bmod(?:ulo)?\b/gi, "%"],
  [/(\d)\s*x\s*(?=[\d(])/gi, "$1*"],
];
const LEAD =
  /^(?:hey|please|so|what(?:'s| is)|whats|how much is|calculate|compute|work out|evaluate|solve|can you|could you|tell me|the result of|the answer to)\s+/i;
const MATH_RUN = /(?:[-+*/^%()!.\d\s]|\b(?:sqrt|cbrt|abs|round|floor|ceil|sin|cos|tan|ln|log|exp|pi|tau|e)\b)+/gi;

/** Rewrites spoken arithmetic ("3 times 4 plus 2", "15% of 80") in symbols. */
export function normaliseExpression(text: string): string {
  let result = text;
  for (const [pattern, replacement] of WORDS) result = result.replace(pattern, replacement);
  return result;
}

/**
 * Finds and evaluates the arithmetic in a sentence: the whole sentence after
 * "what is", "calculate"… when it parses, else its longest run of
 * arithmetic that does. Undefined when there is none.
 */
export function readExpression(
  text: string,
): { expression: string; value: number } | { expression: string; error: string } | undefined {
  let cleaned = normaliseExpression(text.trim()).replace(/[?=]+\s*$/, "");
  while (LEAD.test(cleaned)) cleaned = cleaned.replace(LEAD, "");
  const candidates = [cleaned, ...(cleaned.match(MATH_RUN) ?? []).sort((a, b) => b.length - a.length)];
  let failure: { expression: string; error: string } | undefined;
  for (const candidate of candidates) {
    const expression = candidate.trim();
    if (!/\d|\bpi\b/i.test(expression)) continue;
    try {
      return { expression, value: evaluate(expression) };
    } catch (error) {
      // A well-formed expression that cannot be computed (1/0) is the answer; a mere misparse is not.
      if (error instanceof ExpressionError && /zero|finite|factorial/.test(error.message)) {
        failure ??= { expression, error: error.message };
      }
    }
  }
  return failure;
}

/**
 * A number for people: at most `significant` digits (10: exact sums without float noise, 0.1 + 0.2 → 0.3;
 * fewer for a measurement), grouped thousands.
 */
export function formatNumber(value: number, significant = 10): string {
  const rounded = Number(value.toPrecision(significant));
  if (Math.abs(rounded) >= 1e15 || (rounded !== 0 && Math.abs(rounded) < 1e-6)) return rounded.toExponential(6);
  return rounded.toLocaleString("en", { maximumFractionDigits: 10 });
}
