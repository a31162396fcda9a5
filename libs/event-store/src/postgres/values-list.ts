/**
 * The `($1, $2), ($3, $4), …` of a multi-row `insert … values` and its parameters, for a batch of rows of equal
 * length: one round trip per batch of a bulk copy instead of one per row. PostgreSQL takes at most 65,535
 * parameters a statement, so a batch of 1,000 rows may have up to 65 columns.
 */
export function valuesList(rows: readonly (readonly unknown[])[]): { placeholders: string; values: unknown[] } {
  const values: unknown[] = [];
  const placeholders = rows
    .map((row) => {
      const start = values.length;
      values.push(...row);
      return `(${row.map((_, i) => `$${start + i + 1}`).join(', ')})`;
    })
    .join(', ');
  return { placeholders, values };
}
