import type { ReactNode } from 'react';

export interface DataTableRow {
  key: string;
  /** A cell before the row's header, such as a rank. */
  lead?: ReactNode;
  /** The row's header: its first cell, or its second after a lead. */
  header: ReactNode;
  cells: ReactNode[];
}

interface DataTableProps {
  testId: string;
  /** Names the table and its scrolling box for assistive technology. */
  label: string;
  columns: string[];
  rows: DataTableRow[];
  /** Cells of words rather than figures (a list of events): aligned left, not right. */
  textual?: boolean;
}

/** A table of figures that scrolls sideways inside its own box when the panel is narrower than it (a phone). */
export function DataTable({ testId, label, columns, rows, textual = false }: DataTableProps) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className={textual ? 'data-table data-table--textual' : 'data-table'} data-testid={testId}>
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
              {row.lead !== undefined && <td className="data-table__lead">{row.lead}</td>}
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
