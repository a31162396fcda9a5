import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from './EChart';
import type { ChartOption } from './echarts';

export interface DataTable {
  caption: string;
  /** The first column's heading (what each row is), then one heading per figure. */
  columns: string[];
  rows: { label: string; values: (string | number)[] }[];
}

/**
 * A chart with its text alternative (WCAG 1.1.1): a heading, a summary in words under it, the canvas (hidden
 * from assistive technology) and the same figures as a table a click away, for anyone who wants the numbers.
 * The summary is the text alternative; the table is the full data.
 */
export function ChartFigure({
  title,
  summary,
  option,
  table,
  height,
  empty = false,
  wide = false,
  children,
}: {
  title: string;
  summary: string;
  option: ChartOption;
  table: DataTable;
  height?: 240 | 280 | 320 | 360;
  /** Nothing to draw: the summary says so, and neither an empty canvas nor an empty table is shown. */
  empty?: boolean;
  /** Takes the whole row (a chart with many series and months). */
  wide?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className={wide ? 'card chart-card chart-card--wide' : 'card chart-card'} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p className="chart-card__summary">{summary}</p>
      {children}
      {!empty && <EChart option={option} height={height} />}
      {!empty && (
        <details className="details chart-card__data">
          <summary>{t('ops.charts.showTable')}</summary>
          <div className="table-scroll">
            <table className="data-table">
              <caption>{table.caption}</caption>
              <thead>
                <tr>
                  {table.columns.map((column, index) => (
                    <th key={column} scope="col" className={index > 0 ? 'data-table__number' : undefined}>
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    {row.values.map((value, index) => (
                      <td key={index} className="data-table__number">
                        {value}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}
