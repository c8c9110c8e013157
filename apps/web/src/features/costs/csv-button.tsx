"use client";

import { SecondaryButton } from "@/components/secondary-button";
import { downloadCsv, toCsv } from "./cost-format";

/** Downloads the table's rows as CSV, built in the browser. */
export function CsvButton({
  fileName,
  header,
  rows,
}: {
  fileName: string;
  header: readonly string[];
  rows: readonly (readonly (string | number | null)[])[];
}) {
  return (
    <SecondaryButton compact onClick={() => downloadCsv(fileName, toCsv(header, rows))}>
      Export CSV
    </SecondaryButton>
  );
}
