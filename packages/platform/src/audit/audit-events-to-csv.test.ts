import { describe, expect, it } from "vitest";
import { auditEventsToCsv, csvField } from "./audit-events-to-csv";

describe("audit CSV", () => {
  it("quotes fields with commas, quotes or line breaks (RFC 4180) and leaves plain ones alone", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(null)).toBe("");
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField("+cmd")).toBe("'+cmd");
    expect(csvField("-2")).toBe("'-2");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
  });

  it("writes a header and one CRLF-terminated line per event", () => {
    const csv = auditEventsToCsv([
      {
        id: "1",
        createdAt: new Date("2030-01-02T03:04:05.000Z"),
        actorLabel: "token ci-deploy",
        actorUserId: null,
        actorTokenId: "t",
        action: "dag.deploy",
        targetType: "dag",
        target: "etl",
        details: { files: 2 },
        ip: "192.0.2.1",
      },
    ]);
    expect(csv).toBe('time,actor,action,target_type,target,ip,details\r\n2030-01-02T03:04:05.000Z,token ci-deploy,dag.deploy,dag,etl,192.0.2.1,"{""files"":2}"\r\n');
  });
});
