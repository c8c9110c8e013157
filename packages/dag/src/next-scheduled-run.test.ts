import { describe, expect, it } from "vitest";
import { nextScheduledRun, type ScheduleFields } from "./next-scheduled-run";

const d = (iso: string) => new Date(iso);

function run(spec: Partial<ScheduleFields>, last: string | null, now: string) {
  const full: ScheduleFields = {
    schedule: "0 0 * * *",
    timezone: "UTC",
    start_date: "2025-01-01T00:00:00.000Z",
    end_date: null,
    catchup: true,
    ...spec,
  };
  const next = nextScheduledRun(full, last === null ? null : d(last), d(now));
  return next === null
    ? null
    : { start: next.interval.start.toISOString(), end: next.interval.end.toISOString(), runAfter: next.runAfter.toISOString() };
}

describe("nextScheduledRun", () => {
  it("returns null for a manual-only DAG", () => {
    expect(run({ schedule: null }, null, "2025-01-10T00:00:00Z")).toBeNull();
  });

  it("first interval starts at start_date and runs at its end", () => {
    expect(run({}, null, "2025-01-10T12:00:00Z")).toEqual({
      start: "2025-01-01T00:00:00.000Z",
      end: "2025-01-02T00:00:00.000Z",
      runAfter: "2025-01-02T00:00:00.000Z",
    });
  });

  it("first interval starts at the first tick after a start_date that is not on a tick", () => {
    expect(run({ start_date: "2025-01-01T06:00:00.000Z" }, null, "2025-01-10T12:00:00Z")).toMatchObject({
      start: "2025-01-02T00:00:00.000Z",
      end: "2025-01-03T00:00:00.000Z",
    });
  });

  it("catchup=true walks every interval after the last one", () => {
    expect(run({}, "2025-01-05T00:00:00Z", "2025-01-10T12:00:00Z")).toEqual({
      start: "2025-01-05T00:00:00.000Z",
      end: "2025-01-06T00:00:00.000Z",
      runAfter: "2025-01-06T00:00:00.000Z",
    });
  });

  it("catchup=false jumps to the latest interval that has ended", () => {
    expect(run({ catchup: false }, null, "2025-01-10T12:00:00Z")).toEqual({
      start: "2025-01-09T00:00:00.000Z",
      end: "2025-01-10T00:00:00.000Z",
      runAfter: "2025-01-10T00:00:00.000Z",
    });
    expect(run({ catchup: false }, "2025-01-05T00:00:00Z", "2025-01-10T12:00:00Z")).toMatchObject({
      start: "2025-01-09T00:00:00.000Z",
      end: "2025-01-10T00:00:00.000Z",
    });
  });

  it("catchup=false counts an interval ending exactly now as ended", () => {
    expect(run({ catchup: false }, "2025-01-05T00:00:00Z", "2025-01-10T00:00:00Z")).toMatchObject({
      start: "2025-01-09T00:00:00.000Z",
      end: "2025-01-10T00:00:00.000Z",
    });
  });

  it("catchup=false keeps an interval that has not ended yet (its run is due in the future)", () => {
    expect(run({ catchup: false }, "2025-01-10T00:00:00Z", "2025-01-10T12:00:00Z")).toEqual({
      start: "2025-01-10T00:00:00.000Z",
      end: "2025-01-11T00:00:00.000Z",
      runAfter: "2025-01-11T00:00:00.000Z",
    });
    expect(run({ catchup: false, start_date: "2025-06-01T00:00:00.000Z" }, null, "2025-01-10T12:00:00Z")).toMatchObject({
      start: "2025-06-01T00:00:00.000Z",
      end: "2025-06-02T00:00:00.000Z",
    });
  });

  it("stops once the interval would start after end_date", () => {
    const endDate = { end_date: "2025-01-03T00:00:00.000Z" };
    expect(run(endDate, "2025-01-03T00:00:00Z", "2025-02-01T00:00:00Z")).toMatchObject({
      start: "2025-01-03T00:00:00.000Z",
    });
    expect(run(endDate, "2025-01-04T00:00:00Z", "2025-02-01T00:00:00Z")).toBeNull();
    expect(run({ ...endDate, catchup: false }, null, "2025-02-01T00:00:00Z")).toBeNull();
  });

  it("handles hourly and sub-hourly cron", () => {
    expect(run({ schedule: "0 * * * *", catchup: false }, null, "2025-01-01T05:30:00Z")).toMatchObject({
      start: "2025-01-01T04:00:00.000Z",
      end: "2025-01-01T05:00:00.000Z",
    });
    expect(run({ schedule: "*/15 * * * *" }, "2025-01-01T00:45:00Z", "2025-01-01T05:30:00Z")).toMatchObject({
      start: "2025-01-01T00:45:00.000Z",
      end: "2025-01-01T01:00:00.000Z",
    });
  });

  it("evaluates cron in the DAG's time zone across the spring DST change (Europe/Amsterdam)", () => {
    const amsterdam = { timezone: "Europe/Amsterdam", start_date: "2025-03-28T23:00:00.000Z" };
    // local midnight 29 March (CET, +01:00) to local midnight 30 March ...
    expect(run(amsterdam, null, "2025-04-10T00:00:00Z")).toMatchObject({
      start: "2025-03-28T23:00:00.000Z",
      end: "2025-03-29T23:00:00.000Z",
    });
    // ... the night of the change is 23 hours long ...
    expect(run(amsterdam, "2025-03-29T23:00:00Z", "2025-04-10T00:00:00Z")).toMatchObject({
      start: "2025-03-29T23:00:00.000Z",
      end: "2025-03-30T22:00:00.000Z",
    });
    // ... and afterwards local midnight is 22:00 UTC (CEST, +02:00).
    expect(run(amsterdam, "2025-03-30T22:00:00Z", "2025-04-10T00:00:00Z")).toMatchObject({
      start: "2025-03-30T22:00:00.000Z",
      end: "2025-03-31T22:00:00.000Z",
    });
    expect(run({ ...amsterdam, catchup: false }, null, "2025-03-31T10:00:00Z")).toMatchObject({
      start: "2025-03-29T23:00:00.000Z",
      end: "2025-03-30T22:00:00.000Z",
    });
  });

  it("keeps the local hour of a weekly schedule across the autumn DST change (America/New_York)", () => {
    const ny = { schedule: "0 9 * * 1", timezone: "America/New_York", start_date: "2025-10-27T13:00:00.000Z" };
    // Monday 09:00 EDT (13:00 UTC) to Monday 09:00 EST (14:00 UTC)
    expect(run(ny, null, "2025-12-01T00:00:00Z")).toMatchObject({
      start: "2025-10-27T13:00:00.000Z",
      end: "2025-11-03T14:00:00.000Z",
    });
  });
});
