import type { ReactNode } from 'react';

export interface DataTableRow {
  key: string;
  /** The row's first cell, its header. */
  header: ReactNode;
  cells: ReactNode[];
}

interface DataTableProps {
  testId: string;
  /** Names the table and its scrolling box for assistive technology. */
  label: string;
  columns: string[];
  rows: DataTableRow[];
}

/** A table of figures that scrolls sideways inside its own box when the panel is narrower than it (a phone). */
export function DataTable({ testId, label, columns, rows }: DataTableProps) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="data-table" data-testid={testId}>
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.header}</th>
              {row.cells.map((cell, index) => (
                <td key={index}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
