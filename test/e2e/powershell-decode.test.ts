/**
 * A new user's round trip: the built CLI generates TypeScript for the bundled SmIscsiTarget schema, and
 * the generated decoders read what real clients print for those classes — PowerShell 5.1 and 7
 * `Get-CimInstance | ConvertTo-Json` (CimClass/CimInstanceProperties/CimSystemProperties members,
 * nested reference instances, "/Date(ms)/" and ISO datetimes) and WS-Man style all-text data.
 * Output goes to test/e2e/__output__/ (git-ignored); needs `npm run build`.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { type Decoder, errorsOf, generateWithCli, loadDecoder, repoRoot, valueOf } from "./helpers.js";

const outDir = join(repoRoot, "test/e2e/__output__/smiscsitarget");
const namespaceDir = join(outDir, "root_cimv2_storage_iscsitarget");

let decodeSynchronized: Decoder;
let decodeStorageVolume: Decoder;
let decodeConcreteJob: Decoder;

beforeAll(async () => {
  generateWithCli("fixtures/smiscsitarget/SmIscsiTarget.mof", outDir);
  decodeSynchronized = await loadDecoder(namespaceDir, "CIM_Synchronized.ts", "decodeCIM_Synchronized");
  decodeStorageVolume = await loadDecoder(namespaceDir, "MSISCSITARGET_StorageVolume.ts", "decodeMSISCSITARGET_StorageVolume");
  decodeConcreteJob = await loadDecoder(namespaceDir, "MSISCSITARGET_ConcreteJob.ts", "decodeMSISCSITARGET_ConcreteJob");
}, 120_000);

/** A reference as ConvertTo-Json prints a nested CimInstance: its keys plus PowerShell's own members. */
function volumeReference(deviceId: string): Record<string, unknown> {
  return {
    CreationClassName: "MSISCSITARGET_StorageVolume",
    DeviceID: deviceId,
    SystemCreationClassName: "MSFTSM_ComputerSystem",
    SystemName: "TGT01.contoso.com",
    PSComputerName: null,
    CimClass: "ROOT/Microsoft/Windows/Storage/iSCSITarget:MSISCSITARGET_StorageVolume",
    CimInstanceProperties: "CreationClassName = \"MSISCSITARGET_StorageVolume\", DeviceID = \"" + deviceId + "\"",
    CimSystemProperties: "Microsoft.Management.Infrastructure.CimSystemProperties",
  };
}

const powershell51 = {
  SystemElement: volumeReference("{4F4E2F8B-1D2A-4C1B-9E0F-1234567890AB}"),
  SyncedElement: volumeReference("{AAAA2F8B-1D2A-4C1B-9E0F-1234567890AB}"),
  WhenSynced: "/Date(1700000000000)/",
  WhenEstablished: { value: "/Date(1699990000000)/", DisplayHint: 2, DateTime: "Tuesday, November 14, 2023 7:26:40 PM" },
  SyncMaintained: true,
  CopyState: 4,
  Mode: 3,
  PercentSynced: 100,
  ProgressStatus: 2,
  RequestedCopyState: 15,
  SyncType: 7,
  WhenActivated: null,
  CopyRecoveryMode: 2,
  FailedCopyStopsHostIO: false,
  PSComputerName: "TGT01",
  CimClass: { CimSuperClassName: "CIM_Synchronized", CimClassProperties: "SystemElement SyncedElement", CimSystemProperties: "Microsoft.Management.Infrastructure.CimSystemProperties" },
  CimInstanceProperties: [{ Name: "CopyState", Value: 4, CimType: 3, Flags: "Property, ReadOnly, NotModified", IsValueModified: false }],
  CimSystemProperties: { Namespace: "ROOT/Microsoft/Windows/Storage/iSCSITarget", ServerName: "TGT01", ClassName: "MSISCSITARGET_Synchronized", Path: null },
};

describe("PowerShell ConvertTo-Json output", () => {
  test("5.1: references, /Date(ms)/ datetimes (bare and wrapped), numbers; PowerShell members dropped", () => {
    const value = valueOf(decodeSynchronized(powershell51));
    expect(value["SystemElement"]).toEqual({
      className: "MSISCSITARGET_StorageVolume",
      namespace: "ROOT/Microsoft/Windows/Storage/iSCSITarget",
      keys: {
        CreationClassName: "MSISCSITARGET_StorageVolume",
        DeviceID: "{4F4E2F8B-1D2A-4C1B-9E0F-1234567890AB}",
        SystemCreationClassName: "MSFTSM_ComputerSystem",
        SystemName: "TGT01.contoso.com",
      },
    });
    expect(value["WhenSynced"]).toEqual({ kind: "timestamp", year: 2023, month: 11, day: 14, hour: 22, minute: 13, second: 20, microsecond: 0, utcOffsetMinutes: 0 });
    expect(value["WhenEstablished"]).toMatchObject({ kind: "timestamp", hour: 19, minute: 26, second: 40 });
    expect(value["WhenActivated"]).toBeNull();
    expect(value["CopyState"]).toBe(4);
    expect(value["SyncMaintained"]).toBe(true);
    for (const member of ["PSComputerName", "CimClass", "CimInstanceProperties", "CimSystemProperties"]) expect(value).not.toHaveProperty(member);
  });

  test("7: ISO 8601 datetimes keep fractions and the UTC offset", () => {
    const value = valueOf(decodeSynchronized({ ...powershell51, WhenSynced: "2023-11-14T22:13:20.1234567+01:00", WhenEstablished: "2023-11-14T19:26:40Z" }));
    expect(value["WhenSynced"]).toMatchObject({ hour: 22, microsecond: 123456, utcOffsetMinutes: 60 });
    expect(value["WhenEstablished"]).toMatchObject({ hour: 19, utcOffsetMinutes: 0 });
  });

  test("every wrong property is reported with what was expected", () => {
    const result = decodeSynchronized({ ...powershell51, SyncedElement: null, CopyState: 70000, PercentSynced: "lots", WhenSynced: "yesterday", SyncMaintained: "maybe" });
    expect(errorsOf(result)).toEqual([
      { path: "SyncedElement", expected: "reference to CIM_ManagedElement (key property)", got: "null" },
      { path: "WhenSynced", expected: "datetime", got: '"yesterday"' },
      { path: "SyncMaintained", expected: "boolean", got: '"maybe"' },
      { path: "CopyState", expected: "uint16 (0..65535)", got: "70000" },
      { path: "PercentSynced", expected: "uint16 (0..65535)", got: '"lots"' },
    ]);
  });

  test("a storage volume: uint64 sizes as numbers or text, scalar for an array, DateTime.MinValue", () => {
    const value = valueOf(
      decodeStorageVolume({
        ...volumeReference("{4F4E}"),
        BlockSize: 512,
        NumberOfBlocks: 209715200,
        ConsumableBlocks: "209715200",
        OperationalStatus: [2],
        ExtentStatus: 2,
        MSType: 3,
        InstallDate: "/Date(-62135596800000)/",
      }),
    );
    expect(value).toMatchObject({ BlockSize: 512, NumberOfBlocks: 209715200, ConsumableBlocks: 209715200, OperationalStatus: [2], ExtentStatus: [2], MSType: 3 });
    expect(value["InstallDate"]).toMatchObject({ kind: "timestamp", year: 1, month: 1, day: 1 });
  });

  test("a uint64 past 2^53 as a JSON number is refused with advice; as text it decodes exactly with int64 bigint", () => {
    const raw = JSON.parse('{"CreationClassName":"a","DeviceID":"b","SystemCreationClassName":"c","SystemName":"d","NumberOfBlocks":18446744073709551615}') as unknown;
    expect(errorsOf(decodeStorageVolume(raw))).toEqual([
      {
        path: "NumberOfBlocks",
        expected: 'uint64 as text (a JSON number beyond ±(2^53-1) is already rounded; roundedInt64: "accept" takes it as is)',
        got: "18446744073709552000",
      },
    ]);
    const exact = decodeStorageVolume({ CreationClassName: "a", DeviceID: "b", SystemCreationClassName: "c", SystemName: "d", NumberOfBlocks: "18446744073709551615" }, { int64: "bigint" });
    expect(valueOf(exact)["NumberOfBlocks"]).toBe(18446744073709551615n);
  });

  test("a job: TimeSpan objects as intervals, DMTF datetime text, 'True' as a boolean; Required properties enforced", () => {
    const job = {
      InstanceID: "job1",
      Name: "Create snapshot",
      JobState: 7,
      ElapsedTime: { Ticks: 123456789, Days: 0, Hours: 0, Milliseconds: 345, Minutes: 0, Seconds: 12, TotalMilliseconds: 12345.6789 },
      TimeSubmitted: "20231114221320.123456+060",
      TimeBeforeRemoval: "00000000000500.000000:000",
      DeleteOnCompletion: "True",
    };
    const value = valueOf(decodeConcreteJob(job));
    expect(value["ElapsedTime"]).toEqual({ kind: "interval", days: 0, hours: 0, minutes: 0, seconds: 12, microseconds: 345678 });
    expect(value["TimeSubmitted"]).toMatchObject({ kind: "timestamp", microsecond: 123456, utcOffsetMinutes: 60 });
    expect(value["TimeBeforeRemoval"]).toMatchObject({ kind: "interval", minutes: 5 });
    expect(value["DeleteOnCompletion"]).toBe(true);
    const { Name: _name, ...withoutName } = job;
    expect(errorsOf(decodeConcreteJob(withoutName))).toEqual([{ path: "Name", expected: "string (required property)", got: "missing" }]);
  });
});

describe("WS-Man style data", () => {
  test("all values as text, an EPR with a selector set, a WMI object path", () => {
    const value = valueOf(
      decodeSynchronized({
        SystemElement: {
          Address: "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous",
          ReferenceParameters: {
            ResourceURI: "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/microsoft/windows/storage/iscsitarget/MSISCSITARGET_StorageVolume",
            SelectorSet: { Selector: [{ Name: "DeviceID", "#text": "{4F4E}" }, { Name: "CreationClassName", "#text": "MSISCSITARGET_StorageVolume" }] },
          },
        },
        SyncedElement: 'MSISCSITARGET_StorageVolume.CreationClassName="MSISCSITARGET_StorageVolume",DeviceID="{AAAA}"',
        WhenSynced: { Datetime: "2023-11-14T22:13:20Z" },
        SyncMaintained: "true",
        CopyState: "4",
        PercentSynced: "100",
        FailedCopyStopsHostIO: "false",
      }),
    );
    expect(value["SystemElement"]).toMatchObject({ className: "MSISCSITARGET_StorageVolume", keys: { DeviceID: "{4F4E}", CreationClassName: "MSISCSITARGET_StorageVolume" } });
    expect(value["SyncedElement"]).toMatchObject({ className: "MSISCSITARGET_StorageVolume", keys: { DeviceID: "{AAAA}" } });
    expect(value["WhenSynced"]).toMatchObject({ kind: "timestamp", year: 2023, hour: 22 });
    expect(value).toMatchObject({ SyncMaintained: true, CopyState: 4, PercentSynced: 100, FailedCopyStopsHostIO: false });
  });
});
