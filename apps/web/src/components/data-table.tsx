import type { ReactNode } from "react";

/** A column heading; `hidden` ones are read to screen readers only (e.g. "Actions" over a column of buttons). */
export type Column = string | { label: string; hidden: true };

/**
 * A bordered, horizontally scrolling table with a grey header row of
 * `columns` (false ones are left out, for columns shown only to some roles);
 * `children` are the body rows, `footer` sits under the table in the border.
 * `headerPadding` is the header cells' padding, to match the body cells.
 */
export function DataTable({
  columns,
  testId,
  headerPadding = "px-4 py-2",
  footer,
  children,
}: {
  columns: ReadonlyArray<Column | false>;
  testId?: string;
  headerPadding?: string;
  footer?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid={testId}>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
          <tr>
            {columns.map((column) =>
              column === false ? null : typeof column === "string" ? (
                <th key={column} scope="col" className={headerPadding}>
                  {column}
                </th>
              ) : (
                <th key={column.label} scope="col" className={headerPadding}>
                  <span className="sr-only">{column.label}</span>
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
      {footer}
    </div>
  );
}
