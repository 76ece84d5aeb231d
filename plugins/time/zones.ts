/** "oslo" → "Europe/Oslo": the last part of every IANA zone name, looked up once per message. */
const ZONE_BY_CITY = new Map(
  Intl.supportedValuesOf("timeZone")
    .reverse() // the first zone of a city wins, as it did with a search in order
    .map((zone) => [zone.toLowerCase().split("/").at(-1) as string, zone]),
);
const ALIASES: Record<string, string> = {
  utc: "UTC",
  gmt: "UTC",
  "new york": "America/New_York",
  nyc: "America/New_York",
  "san francisco": "America/Los_Angeles",
  "los angeles": "America/Los_Angeles",
  seattle: "America/Los_Angeles",
  "washington dc": "America/New_York",
  boston: "America/New_York",
  beijing: "Asia/Shanghai",
  delhi: "Asia/Kolkata",
  "new delhi": "Asia/Kolkata",
  mumbai: "Asia/Kolkata",
  bangalore: "Asia/Kolkata",
  munich: "Europe/Berlin",
  barcelona: "Europe/Madrid",
  milan: "Europe/Rome",
  "hong kong": "Asia/Hong_Kong",
  sydney: "Australia/Sydney",
};

/** True when `zone` is an IANA time zone this runtime knows ("Europe/Oslo"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The time zone of a place: an IANA name, a known alias, or a city that names a zone ("Oslo" → "Europe/Oslo"). */
export function zoneForPlace(place: string | undefined): string | undefined {
  const cleaned = place
    ?.trim()
    .replace(/[?.!,]+$/, "")
    .trim();
  if (!cleaned) return undefined;
  if (cleaned.includes("/") && isTimeZone(cleaned)) return cleaned;
  const key = cleaned.toLowerCase();
  return ALIASES[key] ?? ZONE_BY_CITY.get(key.replace(/\s+/g, "_"));
}

const DATE_PARTS = { weekday: "long", day: "numeric", month: "long", year: "numeric" } as const;
/** Building an Intl.DateTimeFormat costs far more than using one: keep one per zone and shape. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${zone}|${withTime}`;
  let format = formatters.get(key);
  if (!format) {
    const time = withTime ? ({ hour: "2-digit", minute: "2-digit" } as const) : {};
    format = new Intl.DateTimeFormat("en-GB", { timeZone: zone, ...DATE_PARTS, ...time });
    formatters.set(key, format);
  }
  return format;
}

/** "Tuesday, 3 June 2025, 14:05" in `zone`. */
export function formatDateTime(date: Date, zone: string): string {
  return formatter(zone, true).format(date);
}

/** "Friday, 13 June 2025" in `zone`. */
export function formatDate(date: Date, zone: string): string {
  return formatter(zone, false).format(date);
}
