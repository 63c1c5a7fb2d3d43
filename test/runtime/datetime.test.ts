import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cimDateTimeFromDate,
  cimIntervalToMilliseconds,
  cimTimestampToDate,
  coerceCimDateTime,
  formatCimDateTime,
  parseCimDateTime,
  type CimInterval,
  type CimTimestamp,
} from "../../templates/runtime/datetime.js";

describe("parseCimDateTime: timestamps", () => {
  it("reads every field and a positive offset", () => {
    expect(parseCimDateTime("20231012101010.123456+120")).toEqual({
      kind: "timestamp",
      year: 2023,
      month: 10,
      day: 12,
      hour: 10,
      minute: 10,
      second: 10,
      microsecond: 123456,
      utcOffsetMinutes: 120,
    });
  });

  it("reads a negative offset", () => {
    expect(parseCimDateTime("19991231235959.000000-300")).toMatchObject({ utcOffsetMinutes: -300, year: 1999 });
  });

  it("reads -000 as offset 0 and writes it back as +000", () => {
    const value = parseCimDateTime("20000101000000.000000-000");
    expect(value).toMatchObject({ utcOffsetMinutes: 0 });
    expect(value && formatCimDateTime(value)).toBe("20000101000000.000000+000");
  });

  it("treats whole-field asterisks as wildcards (reduced precision)", () => {
    expect(parseCimDateTime("20051003******.******+000")).toEqual({
      kind: "timestamp",
      year: 2005,
      month: 10,
      day: 3,
      utcOffsetMinutes: 0,
    });
  });

  it("accepts the WMI wildcarded offset", () => {
    const value = parseCimDateTime("19980416******.000000+***");
    expect(value).toEqual({ kind: "timestamp", year: 1998, month: 4, day: 16, microsecond: 0 });
    expect(value && formatCimDateTime(value)).toBe("19980416******.000000+***");
  });

  it("accepts a wildcarded year with a known month and day (April 1st of any year)", () => {
    expect(parseCimDateTime("****0401******.******+000")).toEqual({
      kind: "timestamp",
      month: 4,
      day: 1,
      utcOffsetMinutes: 0,
    });
    // February 29th is a valid day when the year is unknown.
    expect(parseCimDateTime("****0229******.******+000")).toMatchObject({ month: 2, day: 29 });
  });

  it("represents partially wildcarded microseconds with a precision", () => {
    const value = parseCimDateTime("20231012101010.12****+000");
    expect(value).toMatchObject({ microsecond: 120000, microsecondPrecision: 2 });
    expect(value && formatCimDateTime(value)).toBe("20231012101010.12****+000");
  });

  it("accepts a leap second", () => {
    expect(parseCimDateTime("20161231235960.000000+000")).toMatchObject({ second: 60 });
  });

  it.each([
    ["partially wildcarded field", "199*0416******.000000+***"],
    ["asterisk between microsecond digits", "20231012101010.1*2***+000"],
    ["month 13", "20231312101010.000000+000"],
    ["month 00", "20230012101010.000000+000"],
    ["day 32", "20230132101010.000000+000"],
    ["day 00", "20230100101010.000000+000"],
    ["February 29th of a common year", "20230229000000.000000+000"],
    ["April 31st", "20230431000000.000000+000"],
    ["hour 24", "20231012241010.000000+000"],
    ["minute 60", "20231012106010.000000+000"],
    ["second 61", "20231012101061.000000+000"],
    ["bad sign", "20231012101010.000000*000"],
    ["letters", "2023101210101a.000000+000"],
    ["missing dot", "20231012101010 000000+000"],
    ["too short", "20231012101010.000000+00"],
    ["too long", "20231012101010.000000+0000"],
    ["empty", ""],
    ["ISO text", "2023-10-12T10:10:10+02:00"],
  ])("rejects %s", (_why, text) => {
    expect(parseCimDateTime(text)).toBeUndefined();
  });

  it("accepts February 29th of leap years, including 2000 but not 1900", () => {
    expect(parseCimDateTime("20240229000000.000000+000")).toBeDefined();
    expect(parseCimDateTime("20000229000000.000000+000")).toBeDefined();
    expect(parseCimDateTime("19000229000000.000000+000")).toBeUndefined();
  });
});

describe("parseCimDateTime: intervals", () => {
  it("reads 1 day 12 hours 0 minutes 32 seconds", () => {
    expect(parseCimDateTime("00000001120032.000000:000")).toEqual({
      kind: "interval",
      days: 1,
      hours: 12,
      minutes: 0,
      seconds: 32,
      microseconds: 0,
    });
  });

  it("reads the largest interval", () => {
    expect(parseCimDateTime("99999999235959.999999:000")).toMatchObject({ days: 99999999, microseconds: 999999 });
  });

  it("reads wildcards in intervals", () => {
    const value = parseCimDateTime("00000001******.******:000");
    expect(value).toEqual({ kind: "interval", days: 1 });
    expect(value && formatCimDateTime(value)).toBe("00000001******.******:000");
  });

  it.each([
    ["hours 24", "00000001240000.000000:000"],
    ["minutes 60", "00000001006000.000000:000"],
    ["seconds 60", "00000001000060.000000:000"],
    ["a non-zero tail", "00000001000000.000000:001"],
    ["a timestamp-style tail", "00000001000000.000000:+00"],
  ])("rejects %s", (_why, text) => {
    expect(parseCimDateTime(text)).toBeUndefined();
  });
});

describe("formatCimDateTime", () => {
  it("round-trips hand-picked strings exactly", () => {
    for (const text of [
      "20231012101010.123456+120",
      "00010101000000.000000-999",
      "99991231235959.999999+999",
      "****************.******+***".slice(2),
      "00000000000000.000001:000",
      "12345678******.******:000",
      "20231012101010.1*****-060",
      "20231012101010.12345*+060",
    ]) {
      const value = parseCimDateTime(text);
      expect(value, text).toBeDefined();
      expect(value && formatCimDateTime(value)).toBe(text);
    }
  });

  it("writes absent fields as asterisks and pads numbers", () => {
    expect(formatCimDateTime({ kind: "timestamp", year: 7, month: 1, day: 2, utcOffsetMinutes: -5 })).toBe(
      "00070102******.******-005",
    );
    expect(formatCimDateTime({ kind: "interval", days: 3, hours: 4, minutes: 5, seconds: 6, microseconds: 7 })).toBe(
      "00000003040506.000007:000",
    );
  });

  it("round-trips random valid timestamps and intervals (property)", () => {
    const maybe = (arb: fc.Arbitrary<number>) => fc.option(arb, { nil: undefined });
    const timestamp = fc
      .record({
        year: maybe(fc.integer({ min: 0, max: 9999 })),
        month: maybe(fc.integer({ min: 1, max: 12 })),
        day: maybe(fc.integer({ min: 1, max: 28 })),
        hour: maybe(fc.integer({ min: 0, max: 23 })),
        minute: maybe(fc.integer({ min: 0, max: 59 })),
        second: maybe(fc.integer({ min: 0, max: 60 })),
        micro: maybe(fc.integer({ min: 0, max: 999999 })),
        offset: maybe(fc.integer({ min: -999, max: 999 })),
      })
      .map(({ micro, offset, ...rest }): CimTimestamp => {
        const value: CimTimestamp = { kind: "timestamp", ...rest, microsecond: micro, utcOffsetMinutes: offset };
        return JSON.parse(JSON.stringify(value)) as CimTimestamp; // drop undefined fields
      });
    fc.assert(
      fc.property(timestamp, (value) => {
        const text = formatCimDateTime(value);
        expect(text).toHaveLength(25);
        expect(parseCimDateTime(text)).toEqual(value);
      }),
    );
    const interval = fc
      .record({
        days: fc.integer({ min: 0, max: 99999999 }),
        hours: fc.integer({ min: 0, max: 23 }),
        minutes: fc.integer({ min: 0, max: 59 }),
        seconds: fc.integer({ min: 0, max: 59 }),
        microseconds: fc.integer({ min: 0, max: 999999 }),
      })
      .map((fields): CimInterval => ({ kind: "interval", ...fields }));
    fc.assert(
      fc.property(interval, (value) => {
        expect(parseCimDateTime(formatCimDateTime(value))).toEqual(value);
      }),
    );
  });
});

describe("Date conversions", () => {
  const instant = new Date(Date.UTC(2023, 9, 12, 8, 10, 10, 123));

  it("expresses a Date at an offset", () => {
    const value = cimDateTimeFromDate(instant, 120);
    expect(value && formatCimDateTime(value)).toBe("20231012101010.123000+120");
    const west = cimDateTimeFromDate(instant, -300);
    expect(west && formatCimDateTime(west)).toBe("20231012031010.123000-300");
    const utc = cimDateTimeFromDate(instant);
    expect(utc && formatCimDateTime(utc)).toBe("20231012081010.123000+000");
  });

  it("rejects invalid Dates, years beyond 9999 and bad offsets", () => {
    expect(cimDateTimeFromDate(new Date(Number.NaN))).toBeUndefined();
    expect(cimDateTimeFromDate(new Date(Date.UTC(10000, 0, 1)))).toBeUndefined();
    expect(cimDateTimeFromDate(instant, 1000)).toBeUndefined();
    expect(cimDateTimeFromDate(instant, 1.5)).toBeUndefined();
  });

  it("turns a complete timestamp back into the same instant", () => {
    for (const offset of [0, 120, -300, 999, -999]) {
      const value = cimDateTimeFromDate(instant, offset);
      expect(value && cimTimestampToDate(value)?.toISOString()).toBe(instant.toISOString());
    }
  });

  it("keeps years 0–99 (Date.UTC would map them to 19xx)", () => {
    const value = parseCimDateTime("00500102030405.000000+000");
    expect(value?.kind === "timestamp" && cimTimestampToDate(value)?.getUTCFullYear()).toBe(50);
  });

  it("rolls a leap second into the next minute", () => {
    const value = parseCimDateTime("20161231235960.000000+000");
    expect(value?.kind === "timestamp" && cimTimestampToDate(value)?.toISOString()).toBe("2017-01-01T00:00:00.000Z");
  });

  it("returns undefined when wildcards make the instant ambiguous", () => {
    for (const text of ["20051003******.******+000", "20231012101010.000000+***", "****0401000000.000000+000"]) {
      const value = parseCimDateTime(text);
      expect(value?.kind).toBe("timestamp");
      expect(value?.kind === "timestamp" ? cimTimestampToDate(value) : "not a timestamp").toBeUndefined();
    }
  });

  it("counts unknown microsecond digits as zero", () => {
    const value = parseCimDateTime("20231012101010.12****+000");
    expect(value?.kind === "timestamp" && cimTimestampToDate(value)?.toISOString()).toBe("2023-10-12T10:10:10.120Z");
  });
});

describe("cimIntervalToMilliseconds", () => {
  it("adds up every field, microseconds as a fraction", () => {
    expect(cimIntervalToMilliseconds({ kind: "interval", days: 1, hours: 2, minutes: 3, seconds: 4, microseconds: 5500 })).toBe(
      93_784_005.5,
    );
  });

  it("is undefined for wildcarded fields other than microseconds", () => {
    expect(cimIntervalToMilliseconds({ kind: "interval", days: 1 })).toBeUndefined();
    expect(cimIntervalToMilliseconds({ kind: "interval", days: 0, hours: 0, minutes: 0, seconds: 2 })).toBe(2000);
  });

  it("is undefined for out-of-range fields", () => {
    expect(cimIntervalToMilliseconds({ kind: "interval", days: 0, hours: 25, minutes: 0, seconds: 0 })).toBeUndefined();
  });
});

describe("coerceCimDateTime", () => {
  const at = (text: string) => {
    const value = coerceCimDateTime(text);
    return value === undefined ? undefined : formatCimDateTime(value);
  };

  it("accepts the DMTF string, trimmed", () => {
    expect(at(" 20231012101010.123456+120 ")).toBe("20231012101010.123456+120");
    expect(at("00000001120032.000000:000")).toBe("00000001120032.000000:000");
  });

  it("accepts ISO-8601 as PowerShell 7 ConvertTo-Json writes a DateTime", () => {
    expect(at("2023-10-12T10:10:10.123+02:00")).toBe("20231012101010.123000+120");
    expect(at("2023-10-12T10:10:10.1234567+02:00")).toBe("20231012101010.123456+120");
    expect(at("2023-10-12T10:10:10.1234567Z")).toBe("20231012101010.123456+000");
    expect(at("2023-10-12T10:10:10-05:30")).toBe("20231012101010.000000-330");
    expect(at("2023-10-12T10:10:10+0530")).toBe("20231012101010.000000+330");
  });

  it("keeps wall-clock fields at offset 0 when ISO text has no offset", () => {
    expect(at("2023-10-12T10:10:10")).toBe("20231012101010.000000+000");
    expect(at("2023-10-12 10:10:10.5")).toBe("20231012101010.500000+000");
  });

  it("wildcards the components ISO text leaves out", () => {
    expect(at("2023-10-12")).toBe("20231012******.******+000");
    expect(at("2023-10-12T10:10Z")).toBe("202310121010**.******+000");
  });

  it("rejects impossible ISO dates", () => {
    expect(coerceCimDateTime("2023-02-30T00:00:00Z")).toBeUndefined();
    expect(coerceCimDateTime("2023-10-12T25:00:00Z")).toBeUndefined();
  });

  it("accepts PowerShell 5.1 /Date(ms)/ forms", () => {
    expect(at("/Date(1697105410000)/")).toBe("20231012101010.000000+000");
    expect(at("\\/Date(1697105410000)\\/")).toBe("20231012101010.000000+000");
    expect(at("/Date(1697105410000+0200)/")).toBe("20231012121010.000000+120");
    expect(at("/Date(1697105410000-0330)/")).toBe("20231012064010.000000-210");
    expect(at("/Date(-86400000)/")).toBe("19691231000000.000000+000");
  });

  it("unwraps PowerShell 5.1's DateTime object", () => {
    const value = coerceCimDateTime({
      value: "/Date(1697105410000)/",
      DisplayHint: 2,
      DateTime: "Thursday, October 12, 2023 10:10:10 AM",
    });
    expect(value && formatCimDateTime(value)).toBe("20231012101010.000000+000");
  });

  it("accepts JavaScript Dates", () => {
    const value = coerceCimDateTime(new Date(Date.UTC(2023, 9, 12, 10, 10, 10, 5)));
    expect(value && formatCimDateTime(value)).toBe("20231012101010.005000+000");
    expect(coerceCimDateTime(new Date(Number.NaN))).toBeUndefined();
  });

  it("accepts a PowerShell TimeSpan, exactly from Ticks", () => {
    const timeSpan = {
      Ticks: 937840051234,
      Days: 1,
      Hours: 2,
      Milliseconds: 5,
      Minutes: 3,
      Seconds: 4,
      TotalDays: 1.0854630222685185,
      TotalHours: 26.051112534444443,
      TotalMilliseconds: 93784005.1234,
      TotalMinutes: 1563.0667520666667,
      TotalSeconds: 93784.0051234,
    };
    const value = coerceCimDateTime(timeSpan);
    expect(value).toEqual({ kind: "interval", days: 1, hours: 2, minutes: 3, seconds: 4, microseconds: 5123 });
    expect(coerceCimDateTime({ ...timeSpan, Ticks: "937840051234" })).toEqual(value);
  });

  it("accepts a TimeSpan without Ticks from its fields", () => {
    expect(coerceCimDateTime({ Days: 1, Hours: 2, Minutes: 3, Seconds: 4, Milliseconds: 5 })).toEqual({
      kind: "interval",
      days: 1,
      hours: 2,
      minutes: 3,
      seconds: 4,
      microseconds: 5000,
    });
  });

  it("rejects negative TimeSpans (CIM intervals are not negative)", () => {
    expect(coerceCimDateTime({ Ticks: -10 })).toBeUndefined();
    expect(coerceCimDateTime({ Days: -1, Hours: 0, Minutes: 0, Seconds: 0, Milliseconds: 0 })).toBeUndefined();
  });

  it("accepts xs:duration", () => {
    expect(at("P1DT2H3M4.5S")).toBe("00000001020304.500000:000");
    expect(at("PT36H")).toBe("00000001120000.000000:000");
    expect(at("PT90M")).toBe("00000000013000.000000:000");
    expect(at("P2W")).toBe("00000014000000.000000:000");
    expect(at("P0Y0M3D")).toBe("00000003000000.000000:000");
    expect(at("PT0.0000001S")).toBe("00000000000000.000000:000");
  });

  it.each(["P1Y", "P1M", "-P1D", "P", "PT", "P1DT", "P1.5D", "PT1H2S3M"])("rejects the duration %s", (text) => {
    expect(coerceCimDateTime(text)).toBeUndefined();
  });

  it("accepts .NET TimeSpan text", () => {
    expect(at("1.02:03:04.5000000")).toBe("00000001020304.500000:000");
    expect(at("02:03:04")).toBe("00000000020304.000000:000");
    expect(coerceCimDateTime("02:60:04")).toBeUndefined();
  });

  it("accepts xs:time with a zone as a timestamp with the date wildcarded", () => {
    expect(at("10:10:10Z")).toBe("********101010.000000+000");
    expect(at("10:10:10.25+02:00")).toBe("********101010.250000+120");
    expect(at("2023-10-12+02:00")).toBe("20231012******.******+120");
  });

  it("unwraps WS-Man (DSP0230) datetime elements", () => {
    const of = (raw: unknown) => {
      const value = coerceCimDateTime(raw);
      return value === undefined ? undefined : formatCimDateTime(value);
    };
    expect(of({ Datetime: "2023-10-12T10:10:10Z" })).toBe("20231012101010.000000+000");
    expect(of({ CIM_DateTime: "20231012101010.000000+000" })).toBe("20231012101010.000000+000");
    expect(of({ Date: "2023-10-12" })).toBe("20231012******.******+000");
    expect(of({ Time: "10:10:10" })).toBe("********101010.000000+000");
    expect(of({ Interval: "P1D" })).toBe("00000001000000.000000:000");
    expect(of({ Time: "25:00:00" })).toBeUndefined();
  });

  it("accepts and re-validates values that already are CimDateTimes", () => {
    const value: CimTimestamp = { kind: "timestamp", year: 2023, month: 10, day: 12, utcOffsetMinutes: 0 };
    expect(coerceCimDateTime(value)).toEqual(value);
    expect(coerceCimDateTime({ kind: "timestamp", year: 2023, month: 13 })).toBeUndefined();
    expect(coerceCimDateTime({ kind: "interval", days: "1" })).toBeUndefined();
  });

  it.each([
    ["null", null],
    ["undefined", undefined],
    ["a number", 1697105410000],
    ["a boolean", true],
    ["an array", ["20231012101010.123456+120"]],
    ["garbage text", "yesterday"],
    ["an empty object", {}],
  ])("rejects %s", (_why, raw) => {
    expect(coerceCimDateTime(raw)).toBeUndefined();
  });
});
