import { definePlugin, z } from "troupe";
import { formatNumber, readExpression } from "./read-expression.js";
import { readConversion } from "./units.js";

/** Significant digits of a converted quantity. */
const CONVERSION_DIGITS = 4;

/**
 * The `calculator` plugin: arithmetic with a real expression parser (no
 * `eval`) and unit conversion (length, mass, volume, time, speed, area, data,
 * temperature).
 */
export default definePlugin({
  name: "calculator",
  description: "Arithmetic and unit conversion.",
  actions: [
    {
      name: "calculate",
      description:
        "Calculates arithmetic: add, subtract, multiply or divide numbers (plus, minus, times, divided by), percentages, powers and square roots.",
      examples: [
        "what is 12 * (3 + 4)",
        "calculate 15% of 80",
        "how much is 1234 divided by 7",
        "what's 2 to the power of 10",
        "compute the square root of 144",
        "what is 17 times 23",
        "what is 5 plus 3",
        "what is 10 minus 4",
        "calculate 7 / 2",
      ],
      parameters: z.object({
        expression: z.string().describe("the expression in symbols, e.g. (3 + 4) * 12 or sqrt(2) / 2"),
      }),
      handler: (ctx, { expression }) => {
        // A model may pass only part of the sum ("80" of "15% of 80"): take the reading with more operators.
        const readings = [readExpression(expression), readExpression(ctx.message.text)];
        const found = readings.reduce((best, next) => (next && weight(next) > weight(best) ? next : best));
        if (!found) return "I couldn't find a calculation in that. Try something like 12 * (3 + 4).";
        if ("error" in found) return `I can't work out ${found.expression}: ${found.error}.`;
        return `${found.expression.replace(/\s+/g, " ")} = ${formatNumber(found.value)}`;
      },
    },
    {
      name: "convert_units",
      description:
        "Converts a quantity between units of length, weight, volume, time, speed, area, data or temperature.",
      examples: [
        "convert 5 km to miles",
        "how many feet in 3 meters",
        "what is 100 fahrenheit in celsius",
        "convert 2 cups to ml",
        "how many pounds is 70 kg",
        "60 mph in km/h",
      ],
      parameters: z.object({
        query: z.string().describe("the conversion, e.g. '5 km to miles'"),
      }),
      handler: (ctx, { query }) => {
        const found = readConversion(query) ?? readConversion(ctx.message.text);
        if (!found) return "I couldn't tell what to convert. Try '5 km to miles' or '100 F to C'.";
        if (!found.ok) return `I can't convert that: ${found.reason}.`;
        // A converted measurement is as precise as the quantity it came from, not to ten digits: 5 km = 3.107 miles.
        return `${formatNumber(found.value)} ${found.from} = ${formatNumber(found.result, CONVERSION_DIGITS)} ${found.to}`;
      },
    },
  ],
});

/** More operators first, then the longer text: a fuller reading of the same request. */
function weight(reading: { expression: string } | undefined): number {
  if (!reading) return -1;
  return (reading.expression.match(/[-+*/^%!]|\b[a-z]{2,}\b/g) ?? []).length * 1000 + reading.expression.length;
}
