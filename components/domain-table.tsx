import type { ReactNode } from "react";

/**
 * A table of numbers per domain: the domain as the row header, then right-aligned columns.
 * Used for scores on the review page and the dashboard.
 */
export function DomainTable({
  caption,
  captionHidden = false,
  columns,
  rows,
}: {
  caption: string;
  captionHidden?: boolean;
  columns: readonly string[];
  rows: readonly { id: string; title: string; cells: readonly ReactNode[] }[];
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className={captionHidden ? "sr-only" : "py-2 text-left font-semibold"}>
          {caption}
        </caption>
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-800">
            <th scope="col" className="py-1 pr-4">
              Domain
            </th>
            {columns.map((label) => (
              <th key={label} scope="col" className="py-1 pr-4 text-right last:pr-0">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100 dark:border-slate-900">
              <th scope="row" className="py-1 pr-4 font-normal">
                {r.title}
              </th>
              {r.cells.map((cell, i) => (
                <td key={columns[i]} className="py-1 pr-4 text-right last:pr-0">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
