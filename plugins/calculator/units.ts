type Dimension = "length" | "mass" | "volume" | "time" | "speed" | "area" | "data" | "temperature";

interface Unit {
  dimension: Dimension;
  /** Size in the dimension's base unit (metre, kilogram, litre, second, m/s, m², byte). */
  factor: number;
  /** The name used in answers. */
  label: string;
}

const TABLE: [string[], Dimension, number, string][] = [
  [["mm", "millimeter", "millimetre"], "length", 0.001, "mm"],
  [["cm", "centimeter", "centimetre"], "length", 0.01, "cm"],
  [["m", "meter", "metre"], "length", 1, "m"],
  [["km", "kilometer", "kilometre"], "length", 1000, "km"],
  [["in", "inch", "inches"], "length", 0.0254, "in"],
  [["ft", "foot", "feet"], "length", 0.3048, "ft"],
  [["yd", "yard"], "length", 0.9144, "yd"],
  [["mi", "mile"], "length", 1609.344, "miles"],
  [["nmi", "nautical mile"], "length", 1852, "nautical miles"],
  [["mg", "milligram"], "mass", 1e-6, "mg"],
  [["g", "gram", "gramme"], "mass", 0.001, "g"],
  [["kg", "kilo", "kilogram"], "mass", 1, "kg"],
  [["t", "tonne", "metric ton"], "mass", 1000, "t"],
  [["oz", "ounce"], "mass", 0.028349523125, "oz"],
  [["lb", "lbs", "pound"], "mass", 0.45359237, "lb"],
  [["st", "stone"], "mass", 6.35029318, "st"],
  [["ml", "milliliter", "millilitre"], "volume", 0.001, "ml"],
  [["cl", "centiliter", "centilitre"], "volume", 0.01, "cl"],
  [["l", "liter", "litre"], "volume", 1, "l"],
  [["tsp", "teaspoon"], "volume", 0.00492892159375, "tsp"],
  [["tbsp", "tablespoon"], "volume", 0.01478676478125, "tbsp"],
  [["fl oz", "fluid ounce"], "volume", 0.0295735295625, "fl oz"],
  [["cup"], "volume", 0.2365882365, "cups"],
  [["pt", "pint"], "volume", 0.473176473, "US pints"],
  [["qt", "quart"], "volume", 0.946352946, "US quarts"],
  [["gal", "gallon"], "volume", 3.785411784, "US gallons"],
  [["ms", "millisecond"], "time", 0.001, "ms"],
  [["s", "sec", "second"], "time", 1, "s"],
  [["min", "minute"], "time", 60, "min"],
  [["h", "hr", "hour"], "time", 3600, "h"],
  [["day"], "time", 86400, "days"],
  [["week"], "time", 604800, "weeks"],
  [["year"], "time", 31557600, "years"],
  [["m/s", "meters per second", "metres per second"], "speed", 1, "m/s"],
  [["km/h", "kmh", "kph", "kilometers per hour", "kilometres per hour"], "speed", 1 / 3.6, "km/h"],
  [["mph", "miles per hour"], "speed", 0.44704, "mph"],
  [["kn", "knot"], "speed", 0.514444, "knots"],
  [["m2", "m²", "square meter", "square metre"], "area", 1, "m²"],
  [["km2", "km²", "square kilometer", "square kilometre"], "area", 1e6, "km²"],
  [["ft2", "ft²", "square foot", "square feet"], "area", 0.09290304, "ft²"],
  [["acre"], "area", 4046.8564224, "acres"],
  [["ha", "hectare"], "area", 10000, "ha"],
  [["b", "byte"], "data", 1, "bytes"],
  [["kb", "kilobyte"], "data", 1000, "kB"],
  [["mb", "megabyte"], "data", 1e6, "MB"],
  [["gb", "gigabyte"], "data", 1e9, "GB"],
  [["tb", "terabyte"], "data", 1e12, "TB"],
  [["kib", "kibibyte"], "data", 1024, "KiB"],
  [["mib", "mebibyte"], "data", 1024 ** 2, "MiB"],
  [["gib", "gibibyte"], "data", 1024 ** 3, "GiB"],
  [["c", "°c", "celsius", "degrees celsius", "centigrade"], "temperature", 0, "°C"],
  [["f", "°f", "fahrenheit", "degrees fahrenheit"], "temperature", 0, "°F"],
  [["k", "kelvin"], "temperature", 0, "K"],
];

const UNITS = new Map<string, Unit>();
for (const [names, dimension, factor, label] of TABLE) {
  for (const name of names) {
    UNITS.set(name, { dimension, factor, label });
    // Plurals of spelled-out names ("miles", "kilometres"); short symbols stay as they are.
    if (name.length > 3 && !name.endsWith("s")) UNITS.set(`${name}s`, { dimension, factor, label });
  }
}
const NAMES = [...UNITS.keys()].sort((a, b) => b.length - a.length).map((name) => name.replace(/[/.]/g, "\\$&"));
const UNIT = `(${NAMES.join("|")})`;
const NUMBER = "(-?\\d+(?:[.,]\\d+)?)";
/** "5 km to miles", "100 °F in celsius", "convert 3 cups into ml". */
const FORWARD = new RegExp(`${NUMBER}\\s*${UNIT}s?(?![a-z])\\s+(?:to|in|into|as)\\s+${UNIT}s?(?![a-z])`, "i");
/** "how many feet in 3 metres", "how many ml are in a cup". */
const BACKWARD = new RegExp(
  `how many\\s+${UNIT}s?\\s+(?:(?:are\\s+|is\\s+)?(?:in|make)|is|are)\\s+(an?|${NUMBER})\\s*${UNIT}s?(?![a-z])`,
  "i",
);

function unit(name: string): Unit | undefined {
  return UNITS.get(name.toLowerCase());
}

function toKelvin(value: number, label: string): number {
  if (label === "°C") return value + 273.15;
  if (label === "°F") return ((value - 32) * 5) / 9 + 273.15;
  return value;
}

function fromKelvin(value: number, label: string): number {
  if (label === "°C") return value - 273.15;
  if (label === "°F") return ((value - 273.15) * 9) / 5 + 32;
  return value;
}

/** A conversion read from a sentence, or why it cannot be done. */
export type Conversion =
  | { ok: true; value: number; from: string; result: number; to: string }
  | { ok: false; reason: string };

/** Reads and performs a unit conversion ("5 km to miles"); undefined when the sentence asks for none. */
export function readConversion(text: string): Conversion | undefined {
  const forward = FORWARD.exec(text);
  const backward = forward ? undefined : BACKWARD.exec(text);
  if (!forward && !backward) return undefined;
  const [amount, fromName, toName] = forward
    ? [forward[1] as string, forward[2] as string, forward[3] as string]
    : [backward?.[3] ?? "1", backward?.[4] as string, backward?.[1] as string];
  const value = Number(amount.replace(",", "."));
  const from = unit(fromName);
  const to = unit(toName);
  if (!from || !to) return undefined;
  if (from.dimension !== to.dimension) {
    return { ok: false, reason: `${from.label} measures ${from.dimension} and ${to.label} measures ${to.dimension}` };
  }
  const result =
    from.dimension === "temperature"
      ? fromKelvin(toKelvin(value, from.label), to.label)
      : (value * from.factor) / to.factor;
  return { ok: true, value, from: from.label, result, to: to.label };
}
