/**
 * CIM datetime values (DSP0004 §5.2.4), emitted by mof2ts next to generated code that uses them.
 *
 * Two fixed-length 25-character forms exist:
 * - timestamp `yyyymmddhhmmss.mmmmmmsutc` — `s` is `+` or `-`, `utc` the offset from UTC in minutes;
 * - interval  `ddddddddhhmmss.mmmmmm:000`.
 * Asterisks (`*`) mark fields that are not significant. DSP0004 replaces whole fields from the least
 * significant one leftwards (`20051003******.******+000`), digit by digit inside the microseconds
 * (`123***` = known to the millisecond), and never the offset. WMI is looser: any whole field
 * (`****0401******.******+000` = April 1st of any year) and a wildcarded offset (`+***`). Both are accepted and
 * round-trip: every field is all digits or all asterisks, the microseconds are known digits then
 * asterisks. Seconds may be 60 (leap second); year 0000 is 1 BC.
 *
 * Self-contained: no imports, no runtime dependencies.
 */

/** A CIM datetime: a point in time or a duration. */
export type CimDateTime = CimTimestamp | CimInterval;

/**
 * A CIM timestamp. A field is `undefined` when it is wildcarded with asterisks.
 * `microsecond` holds the known leading digits scaled to microseconds (`"12****"` → 120000) and
 * `microsecondPrecision` says how many of the six digits are known; it is absent when all six are.
 */
export interface CimTimestamp {
  readonly kind: "timestamp";
  /** 0–9999. */
  readonly year?: number | undefined;
  /** 1–12. */
  readonly month?: number | undefined;
  /** 1–31 (checked against the month when year and month are known). */
  readonly day?: number | undefined;
  /** 0–23. */
  readonly hour?: number | undefined;
  /** 0–59. */
  readonly minute?: number | undefined;
  /** 0–60 (60 is a leap second). */
  readonly second?: number | undefined;
  /** 0–999999. */
  readonly microsecond?: number | undefined;
  /** 1–5 when only that many leading microsecond digits are known; absent when all six are. */
  readonly microsecondPrecision?: number | undefined;
  /** Offset of the local time from UTC in minutes (-999…999); `undefined` when wildcarded (`+***`). */
  readonly utcOffsetMinutes?: number | undefined;
}

/** A CIM interval (duration). A field is `undefined` when wildcarded; see {@link CimTimestamp} for microseconds. */
export interface CimInterval {
  readonly kind: "interval";
  /** 0–99999999. */
  readonly days?: number | undefined;
  /** 0–23. */
  readonly hours?: number | undefined;
  /** 0–59. */
  readonly minutes?: number | undefined;
  /** 0–59. */
  readonly seconds?: number | undefined;
  /** 0–999999. */
  readonly microseconds?: number | undefined;
  /** 1–5 when only that many leading microsecond digits are known; absent when all six are. */
  readonly microsecondPrecision?: number | undefined;
}


/** Digit widths of year, month, day, hour, minute, second (timestamps). */
const TIMESTAMP_WIDTHS = [4, 2, 2, 2, 2, 2] as const;
/** Digit widths of days, hours, minutes, seconds (intervals). */
const INTERVAL_WIDTHS = [8, 2, 2, 2] as const;
const DMTF_LENGTH = 25;

/** A field read from DMTF text: its value, `undefined` when wildcarded, `null` when malformed. */
type FieldRead = number | undefined | null;

function readField(text: string, start: number, width: number): FieldRead {
  const part = text.slice(start, start + width);
  if (/^\d+$/.test(part)) return Number(part);
  if (/^\*+$/.test(part)) return undefined;
  return null;
}

interface MicrosRead {
  readonly value?: number;
  readonly precision?: number;
}

/** Six microsecond characters: known leading digits then asterisks (reduced precision). */
function readMicros(text: string, start: number): MicrosRead | null {
  const match = /^(\d*)(\**)$/.exec(text.slice(start, start + 6));
  if (match === null) return null;
  const digits = match[1] ?? "";
  if (digits.length === 0) return {};
  const value = Number(digits.padEnd(6, "0"));
  return digits.length === 6 ? { value } : { value, precision: digits.length };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number | undefined, month: number): number {
  if (month === 2) return year === undefined || isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function inRange(value: number | undefined, min: number, max: number): boolean {
  return value === undefined || (value >= min && value <= max);
}

/**
 * Parses the strict 25-character DMTF form (timestamp or interval).
 * Returns `undefined` for anything else, including out-of-range fields (month 13, hour 24, Feb 30).
 */
export function parseCimDateTime(text: string): CimDateTime | undefined {
  if (text.length !== DMTF_LENGTH || text[14] !== ".") return undefined;
  const micros = readMicros(text, 15);
  if (micros === null) return undefined;
  return text[21] === ":" ? parseInterval(text, micros) : parseTimestamp(text, micros);
}

function readFields(text: string, widths: readonly number[]): (number | undefined)[] | undefined {
  const fields: (number | undefined)[] = [];
  let start = 0;
  for (const width of widths) {
    const field = readField(text, start, width);
    if (field === null) return undefined;
    fields.push(field);
    start += width;
  }
  return fields;
}

function parseTimestamp(text: string, micros: MicrosRead): CimTimestamp | undefined {
  const sign = text[21];
  if (sign !== "+" && sign !== "-") return undefined;
  const offset = readField(text, 22, 3);
  const fields = readFields(text, TIMESTAMP_WIDTHS);
  if (offset === null || fields === undefined) return undefined;
  const [year, month, day, hour, minute, second] = fields;
  const timestamp: CimTimestamp = {
    kind: "timestamp",
    year,
    month,
    day,
    hour,
    minute,
    second,
    microsecond: micros.value,
    microsecondPrecision: micros.precision,
    utcOffsetMinutes: offset === undefined ? undefined : sign === "-" && offset !== 0 ? -offset : offset,
  };
  return isValidTimestamp(timestamp) ? withoutUndefined(timestamp) : undefined;
}

function parseInterval(text: string, micros: MicrosRead): CimInterval | undefined {
  if (text.slice(21) !== ":000") return undefined;
  const fields = readFields(text, INTERVAL_WIDTHS);
  if (fields === undefined) return undefined;
  const [days, hours, minutes, seconds] = fields;
  const interval: CimInterval = {
    kind: "interval",
    days,
    hours,
    minutes,
    seconds,
    microseconds: micros.value,
    microsecondPrecision: micros.precision,
  };
  return isValidInterval(interval) ? withoutUndefined(interval) : undefined;
}

/** Drops absent fields so that parsed values compare equal to hand-written ones. */
function withoutUndefined<T extends object>(value: T): T {
  const copy: Partial<T> = {};
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] !== undefined) copy[key] = value[key];
  }
  // Every defined field was copied, so the copy is a complete T.
  return copy as T;
}

function isIntegerOrAbsent(value: unknown): value is number | undefined {
  return value === undefined || (typeof value === "number" && Number.isInteger(value));
}

function isValidMicros(value: number | undefined, precision: number | undefined): boolean {
  if (!isIntegerOrAbsent(value) || !inRange(value, 0, 999_999)) return false;
  if (precision === undefined) return true;
  return value !== undefined && Number.isInteger(precision) && precision >= 1 && precision <= 5;
}

function isValidTimestamp(t: CimTimestamp): boolean {
  const numbers = [t.year, t.month, t.day, t.hour, t.minute, t.second, t.utcOffsetMinutes];
  if (!numbers.every(isIntegerOrAbsent)) return false;
  if (t.day !== undefined && t.month !== undefined && t.day > daysInMonth(t.year, t.month)) return false;
  return (
    inRange(t.year, 0, 9999) &&
    inRange(t.month, 1, 12) &&
    inRange(t.day, 1, 31) &&
    inRange(t.hour, 0, 23) &&
    inRange(t.minute, 0, 59) &&
    inRange(t.second, 0, 60) &&
    inRange(t.utcOffsetMinutes, -999, 999) &&
    isValidMicros(t.microsecond, t.microsecondPrecision)
  );
}

function isValidInterval(i: CimInterval): boolean {
  return (
    [i.days, i.hours, i.minutes, i.seconds].every(isIntegerOrAbsent) &&
    inRange(i.days, 0, 99_999_999) &&
    inRange(i.hours, 0, 23) &&
    inRange(i.minutes, 0, 59) &&
    inRange(i.seconds, 0, 59) &&
    isValidMicros(i.microseconds, i.microsecondPrecision)
  );
}

/** A field as fixed-width digits, or asterisks when absent (also for NaN, which cannot be written). */
function formatField(value: number | undefined, width: number): string {
  if (value === undefined || !Number.isFinite(value)) return "*".repeat(width);
  const clamped = Math.min(10 ** width - 1, Math.max(0, Math.trunc(value)));
  return String(clamped).padStart(width, "0");
}

function formatMicros(value: number | undefined, precision: number | undefined): string {
  const digits = formatField(value, 6);
  if (value === undefined || precision === undefined || precision < 1 || precision > 5) return digits;
  return digits.slice(0, Math.trunc(precision)).padEnd(6, "*");
}

/**
 * Formats a value as the 25-character DMTF string; the inverse of {@link parseCimDateTime}
 * (`formatCimDateTime(parseCimDateTime(s)) === s` for every valid `s`, except that the offsets
 * `-000` and `-***` are written `+000` and `+***`). Out-of-range fields are clamped into their digit width.
 */
export function formatCimDateTime(value: CimDateTime): string {
  if (value.kind === "interval") {
    return (
      formatField(value.days, 8) +
      formatField(value.hours, 2) +
      formatField(value.minutes, 2) +
      formatField(value.seconds, 2) +
      "." +
      formatMicros(value.microseconds, value.microsecondPrecision) +
      ":000"
    );
  }
  const offset = value.utcOffsetMinutes;
  const zone = offset === undefined || !Number.isFinite(offset) ? "+***" : (offset < 0 ? "-" : "+") + formatField(Math.abs(offset), 3);
  return (
    formatField(value.year, 4) +
    formatField(value.month, 2) +
    formatField(value.day, 2) +
    formatField(value.hour, 2) +
    formatField(value.minute, 2) +
    formatField(value.second, 2) +
    "." +
    formatMicros(value.microsecond, value.microsecondPrecision) +
    zone
  );
}

/**
 * The timestamp for a JavaScript Date, expressed in the given offset from UTC (minutes, default 0;
 * pass `-date.getTimezoneOffset()` for the machine's local zone). Returns `undefined` for an invalid
 * Date, a year outside 0–9999 or an offset that is not a whole number within ±999.
 */
export function cimDateTimeFromDate(date: Date, utcOffsetMinutes = 0): CimTimestamp | undefined {
  const time = date.getTime();
  if (!Number.isFinite(time) || !Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > 999) {
    return undefined;
  }
  // Shift the instant so that the UTC getters read the wall-clock time at the requested offset.
  const local = new Date(time + utcOffsetMinutes * 60_000);
  const year = local.getUTCFullYear();
  if (year < 0 || year > 9999) return undefined;
  return {
    kind: "timestamp",
    year,
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    microsecond: local.getUTCMilliseconds() * 1000,
    utcOffsetMinutes,
  };
}

/**
 * The instant a timestamp denotes, or `undefined` when a wildcard in year…second or the offset makes
 * it ambiguous. Unknown microsecond digits count as zero; a leap second (60) rolls into the next minute.
 */
export function cimTimestampToDate(value: CimTimestamp): Date | undefined {
  const { year, month, day, hour, minute, second, utcOffsetMinutes } = value;
  if (
    year === undefined ||
    month === undefined ||
    day === undefined ||
    hour === undefined ||
    minute === undefined ||
    second === undefined ||
    utcOffsetMinutes === undefined ||
    !isValidTimestamp(value)
  ) {
    return undefined;
  }
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, Math.floor((value.microsecond ?? 0) / 1000));
  return new Date(date.getTime() - utcOffsetMinutes * 60_000);
}

/**
 * The length of an interval in milliseconds (fractional for microseconds), or `undefined` when a
 * wildcard outside the microseconds makes it unknown. Unknown microsecond digits count as zero.
 */
export function cimIntervalToMilliseconds(value: CimInterval): number | undefined {
  const { days, hours, minutes, seconds } = value;
  if (days === undefined || hours === undefined || minutes === undefined || seconds === undefined) return undefined;
  if (!isValidInterval(value)) return undefined;
  return (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000 + (value.microseconds ?? 0) / 1000;
}

/**
 * Turns what real clients produce into a CIM datetime, or `undefined` when the input is not one:
 * the DMTF string; ISO-8601 / xs:dateTime strings (`2023-10-12T10:10:10.1234567+02:00`, `Z`, no offset
 * = wall-clock time at offset 0, date only = time wildcarded); PowerShell 5.1 `/Date(ms)/` and
 * `/Date(ms+0200)/` (also with escaped slashes, and its `{ value, DisplayHint, DateTime }` wrapper);
 * xs:duration (`P1DT2H3M4.5S`), xs:time with a zone (`10:10:10Z`, date wildcarded) and .NET TimeSpan
 * text (`1.02:03:04.5`); WS-Man wrappers (`{ Datetime }`, `{ Interval }`, `{ Date }`, `{ Time }`,
 * `{ CIM_DateTime }`); JavaScript `Date`s;
 * PowerShell TimeSpan objects (`{ Ticks, Days, Hours, … }`, exact from `Ticks` when present);
 * and values that already are a {@link CimDateTime}.
 */
export function coerceCimDateTime(raw: unknown): CimDateTime | undefined {
  return coerceDateTimeValue(raw, 0);
}

/** Wrappers (PowerShell 5.1's `{ value, DateTime }`) nest at most this deep. */
const MAX_WRAPPER_DEPTH = 2;

function coerceDateTimeValue(raw: unknown, depth: number): CimDateTime | undefined {
  if (typeof raw === "string") return fromText(raw.trim());
  if (raw instanceof Date) return cimDateTimeFromDate(raw);
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return undefined;
  const kind = findMember(raw, "kind");
  if (kind === "timestamp" || kind === "interval") return fromCimDateTimeObject(raw, kind);
  const ticks = findMember(raw, "Ticks");
  if (ticks !== undefined) return intervalFromTicks(ticks);
  if (findMember(raw, "Days") !== undefined && findMember(raw, "Hours") !== undefined) return intervalFromTimeSpanFields(raw);
  if (depth >= MAX_WRAPPER_DEPTH) return undefined;
  // WS-Man (DSP0230) wraps a datetime as one of CIM_DateTime, Datetime, Date, Time or Interval; only
  // Time needs telling apart, because bare `hh:mm:ss` text otherwise reads as a .NET TimeSpan.
  const time = findMember(raw, "Time");
  if (typeof time === "string") return fromXsTime(time.trim(), true);
  // PowerShell 5.1 wraps DateTime as { value: "/Date(…)/", DisplayHint, DateTime: "Thursday, …" }.
  const inner =
    findMember(raw, "value") ??
    findMember(raw, "CIM_DateTime") ??
    findMember(raw, "Datetime") ??
    findMember(raw, "Date") ??
    findMember(raw, "Interval");
  return inner === undefined ? undefined : coerceDateTimeValue(inner, depth + 1);
}

/** An own property, matched exactly first and then case-insensitively. */
function findMember(object: object, name: string): unknown {
  const entries: [string, unknown][] = Object.entries(object);
  const lower = name.toLowerCase();
  for (const [key, value] of entries) if (key === name) return value;
  for (const [key, value] of entries) if (key.toLowerCase() === lower) return value;
  return undefined;
}

function optionalNumber(object: object, name: string): number | undefined | null {
  const value = findMember(object, name);
  if (value === undefined || value === null) return undefined;
  return typeof value === "number" ? value : null;
}

/** Re-validates, field by field, an object that claims to be a CimDateTime; extra members are dropped. */
function fromCimDateTimeObject(raw: object, kind: "timestamp" | "interval"): CimDateTime | undefined {
  const names =
    kind === "timestamp"
      ? ["year", "month", "day", "hour", "minute", "second", "microsecond", "microsecondPrecision", "utcOffsetMinutes"]
      : ["days", "hours", "minutes", "seconds", "microseconds", "microsecondPrecision"];
  const read: Record<string, number | undefined> = {};
  for (const name of names) {
    const value = optionalNumber(raw, name);
    if (value === null || !isIntegerOrAbsent(value)) return undefined;
    read[name] = value;
  }
  const candidate: CimDateTime =
    kind === "timestamp"
      ? {
          kind,
          year: read["year"],
          month: read["month"],
          day: read["day"],
          hour: read["hour"],
          minute: read["minute"],
          second: read["second"],
          microsecond: read["microsecond"],
          microsecondPrecision: read["microsecondPrecision"],
          utcOffsetMinutes: read["utcOffsetMinutes"],
        }
      : {
          kind,
          days: read["days"],
          hours: read["hours"],
          minutes: read["minutes"],
          seconds: read["seconds"],
          microseconds: read["microseconds"],
          microsecondPrecision: read["microsecondPrecision"],
        };
  const valid = candidate.kind === "timestamp" ? isValidTimestamp(candidate) : isValidInterval(candidate);
  return valid ? withoutUndefined(candidate) : undefined;
}

const MICROS_PER_SECOND = 1_000_000;
const MAX_INTERVAL_DAYS = 99_999_999;

/** Splits a non-negative whole number of microseconds into interval fields; bigint keeps it exact. */
function intervalFromMicroseconds(total: bigint): CimInterval | undefined {
  const zero = BigInt(0);
  if (total < zero) return undefined;
  const micros = Number(total % BigInt(MICROS_PER_SECOND));
  let rest = total / BigInt(MICROS_PER_SECOND);
  const seconds = Number(rest % BigInt(60));
  rest /= BigInt(60);
  const minutes = Number(rest % BigInt(60));
  rest /= BigInt(60);
  const hours = Number(rest % BigInt(24));
  rest /= BigInt(24);
  if (rest > BigInt(MAX_INTERVAL_DAYS)) return undefined;
  return { kind: "interval", days: Number(rest), hours, minutes, seconds, microseconds: micros };
}

function toBigInt(value: unknown): bigint | undefined {
  if (typeof value === "bigint") return value;
  if (typeof value === "number" && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return BigInt(value.trim());
  return undefined;
}

/** .NET ticks are 100 ns; an interval keeps whole microseconds (sub-microsecond ticks are dropped). */
function intervalFromTicks(ticks: unknown): CimInterval | undefined {
  const whole = toBigInt(ticks);
  return whole === undefined ? undefined : intervalFromMicroseconds(whole / BigInt(10));
}

function intervalFromTimeSpanFields(raw: object): CimInterval | undefined {
  const parts = ["Days", "Hours", "Minutes", "Seconds", "Milliseconds"].map((name) => optionalNumber(raw, name) ?? 0);
  if (parts.some((part) => part === null || !Number.isSafeInteger(part) || part < 0)) return undefined;
  const [days = 0, hours = 0, minutes = 0, seconds = 0, millis = 0] = parts.map((part) => part ?? 0);
  const totalSeconds = ((days * 24 + hours) * 60 + minutes) * 60 + seconds;
  return intervalFromMicroseconds(BigInt(totalSeconds) * BigInt(MICROS_PER_SECOND) + BigInt(millis) * BigInt(1000));
}

const MS_DATE = /^\\?\/Date\((-?\d+)([+-]\d{4})?\)\\?\/$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
const XS_DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:[.,](\d+))?S)?)?$/;
const TIMESPAN_TEXT = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/;

function fromText(text: string): CimDateTime | undefined {
  if (text.length === DMTF_LENGTH) {
    const dmtf = parseCimDateTime(text);
    if (dmtf !== undefined) return dmtf;
  }
  return fromMsDate(text) ?? fromIsoDateTime(text) ?? fromDuration(text) ?? fromXsTime(text, false) ?? fromTimeSpanText(text);
}

const XS_TIME = /^(\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * xs:time → a timestamp whose date is wildcarded. Without a zone the text is only taken as a time of
 * day when the caller knows it is one (`zoneOptional`); otherwise it is left to the TimeSpan reading.
 */
function fromXsTime(text: string, zoneOptional: boolean): CimTimestamp | undefined {
  const match = XS_TIME.exec(text);
  if (match === null) return undefined;
  const [, hour, minute, second, fraction, zone] = match;
  if (zone === undefined && !zoneOptional) return undefined;
  const candidate: CimTimestamp = {
    kind: "timestamp",
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    microsecond: fractionToMicros(fraction),
    utcOffsetMinutes: zone === undefined ? 0 : zoneMinutes(zone),
  };
  return isValidTimestamp(candidate) ? candidate : undefined;
}

/** Microsoft JSON dates: UTC milliseconds since 1970, plus the local offset as ±hhmm. */
function fromMsDate(text: string): CimTimestamp | undefined {
  const match = MS_DATE.exec(text);
  if (match === null) return undefined;
  const zone = match[2];
  return cimDateTimeFromDate(new Date(Number(match[1])), zone === undefined ? 0 : zoneMinutes(zone));
}

/** `Z`, `±hh`, `±hhmm` or `±hh:mm` → minutes east of UTC. */
function zoneMinutes(zone: string): number {
  if (zone === "Z" || zone === "z") return 0;
  const digits = zone.slice(1).replace(":", "");
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0");
  return zone.startsWith("-") ? -minutes : minutes;
}

/** Fraction digits of a second → microseconds (truncated beyond six digits, e.g. .NET's seven). */
function fractionToMicros(fraction: string | undefined): number {
  return fraction === undefined ? 0 : Number(fraction.slice(0, 6).padEnd(6, "0"));
}

/**
 * ISO-8601 keeps its wall-clock fields and offset as written (no offset = offset 0); components the
 * text leaves out (time of a date, seconds of hh:mm) become wildcards.
 */
function fromIsoDateTime(text: string): CimTimestamp | undefined {
  const match = ISO_DATE_TIME.exec(text);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const candidate: CimTimestamp = {
    kind: "timestamp",
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: hour === undefined ? undefined : Number(hour),
    minute: minute === undefined ? undefined : Number(minute),
    second: second === undefined ? undefined : Number(second),
    microsecond: second === undefined ? undefined : fractionToMicros(fraction),
    utcOffsetMinutes: zone === undefined ? 0 : zoneMinutes(zone),
  };
  return isValidTimestamp(candidate) ? withoutUndefined(candidate) : undefined;
}

/** Longest digit run accepted per duration component: keeps the arithmetic exact. */
const MAX_COMPONENT_DIGITS = 15;

function wholeOrZero(digits: string | undefined): bigint | undefined {
  if (digits === undefined) return BigInt(0);
  return digits.length > MAX_COMPONENT_DIGITS ? undefined : BigInt(digits);
}

/** xs:duration / ISO-8601 duration. Years and months have no fixed length, so only zero is accepted. */
function fromDuration(text: string): CimInterval | undefined {
  const match = XS_DURATION.exec(text);
  if (match === null || text === "P" || text.endsWith("T")) return undefined;
  const [, years, months, weeks, days, hours, minutes, seconds, fraction] = match;
  if (Number(years ?? "0") !== 0 || Number(months ?? "0") !== 0) return undefined;
  const parts = [weeks, days, hours, minutes, seconds].map(wholeOrZero);
  const [w, d, h, m, s] = parts;
  if (w === undefined || d === undefined || h === undefined || m === undefined || s === undefined) return undefined;
  const totalSeconds = (((w * BigInt(7) + d) * BigInt(24) + h) * BigInt(60) + m) * BigInt(60) + s;
  return intervalFromMicroseconds(totalSeconds * BigInt(MICROS_PER_SECOND) + BigInt(fractionToMicros(fraction)));
}

/** .NET TimeSpan text `[d.]hh:mm:ss[.fffffff]`. */
function fromTimeSpanText(text: string): CimInterval | undefined {
  const match = TIMESPAN_TEXT.exec(text);
  if (match === null) return undefined;
  const [, days, hours, minutes, seconds, fraction] = match;
  const candidate: CimInterval = {
    kind: "interval",
    days: Number(days ?? "0"),
    hours: Number(hours),
    minutes: Number(minutes),
    seconds: Number(seconds),
    microseconds: fractionToMicros(fraction),
  };
  return isValidInterval(candidate) ? candidate : undefined;
}
