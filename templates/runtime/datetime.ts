/**
 * CIM datetime values (DSP0004 §5.2.4), emitted by mof2ts next to generated code that uses them.
 *
 * Two fixed-length 25-character forms exist:
 * - timestamp `yyyymmddhhmmss.mmmmmmsutc` — `s` is `+` or `-`, `utc` the offset from UTC in minutes;
 * - interval  `ddddddddhhmmss.mmmmmm:000`.
 * A field may be wildcarded with asterisks (`*`): every field either all digits or all asterisks,
 * except the microseconds, whose trailing digits may be asterisks to express reduced precision
 * (`123***` = known to the millisecond). WMI also allows a wildcarded offset (`+***`).
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
  readonly year?: number;
  /** 1–12. */
  readonly month?: number;
  /** 1–31 (checked against the month when year and month are known). */
  readonly day?: number;
  /** 0–23. */
  readonly hour?: number;
  /** 0–59. */
  readonly minute?: number;
  /** 0–60 (60 is a leap second). */
  readonly second?: number;
  /** 0–999999. */
  readonly microsecond?: number;
  /** 1–5 when only that many leading microsecond digits are known; absent when all six are. */
  readonly microsecondPrecision?: number;
  /** Offset of the local time from UTC in minutes (-999…999); `undefined` when wildcarded (`+***`). */
  readonly utcOffsetMinutes?: number;
}

/** A CIM interval (duration). A field is `undefined` when wildcarded; see {@link CimTimestamp} for microseconds. */
export interface CimInterval {
  readonly kind: "interval";
  /** 0–99999999. */
  readonly days?: number;
  /** 0–23. */
  readonly hours?: number;
  /** 0–59. */
  readonly minutes?: number;
  /** 0–59. */
  readonly seconds?: number;
  /** 0–999999. */
  readonly microseconds?: number;
  /** 1–5 when only that many leading microsecond digits are known; absent when all six are. */
  readonly microsecondPrecision?: number;
}

/**
 * Parses the strict 25-character DMTF form (timestamp or interval).
 * Returns `undefined` for anything else, including out-of-range fields (month 13, hour 24, Feb 30).
 */
export function parseCimDateTime(text: string): CimDateTime | undefined {
  void text;
  return undefined;
}

/**
 * Formats a value as the 25-character DMTF string; the inverse of {@link parseCimDateTime}
 * (`formatCimDateTime(parseCimDateTime(s)) === s` for every valid `s`, except that an offset of
 * `-000` is written `+000`). Out-of-range fields are clamped into their digit width.
 */
export function formatCimDateTime(value: CimDateTime): string {
  void value;
  return "";
}

/**
 * The timestamp for a JavaScript Date, expressed in the given offset from UTC (minutes, default 0).
 * Returns `undefined` for an invalid Date or a year outside 0–9999.
 */
export function cimDateTimeFromDate(date: Date, utcOffsetMinutes = 0): CimTimestamp | undefined {
  void date;
  void utcOffsetMinutes;
  return undefined;
}

/**
 * The instant a timestamp denotes, or `undefined` when a wildcard in year…second or the offset makes
 * it ambiguous. Unknown microsecond digits count as zero; a leap second (60) rolls into the next minute.
 */
export function cimTimestampToDate(value: CimTimestamp): Date | undefined {
  void value;
  return undefined;
}

/**
 * The length of an interval in milliseconds (fractional for microseconds), or `undefined` when a
 * wildcard outside the microseconds makes it unknown. Unknown microsecond digits count as zero.
 */
export function cimIntervalToMilliseconds(value: CimInterval): number | undefined {
  void value;
  return undefined;
}

/**
 * Turns what real clients produce into a CIM datetime, or `undefined` when the input is not one:
 * the DMTF string; ISO-8601 / xs:dateTime strings (`2023-10-12T10:10:10.1234567+02:00`, `Z`, no offset
 * = wall-clock time at offset 0, date only = time wildcarded); PowerShell 5.1 `/Date(ms)/` and
 * `/Date(ms+0200)/` (also with escaped slashes, and its `{ value, DisplayHint, DateTime }` wrapper);
 * xs:duration (`P1DT2H3M4.5S`) and .NET TimeSpan text (`1.02:03:04.5`); JavaScript `Date`s;
 * PowerShell TimeSpan objects (`{ Ticks, Days, Hours, … }`, exact from `Ticks` when present);
 * and values that already are a {@link CimDateTime}.
 */
export function coerceCimDateTime(raw: unknown): CimDateTime | undefined {
  void raw;
  return undefined;
}
