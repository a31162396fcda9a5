import type { GlobalPosition } from '../port';

/**
 * PostgreSQL global positions are `"<transaction id>:<global_position>"`, both decimal, unpadded: the
 * order is by writing transaction first, then insertion order (see global-read.ts for why). Callers
 * treat it as opaque; `parsePosition` turns it back into the pair the SQL compares.
 */
export interface PgPosition {
  transactionId: bigint;
  globalPosition: bigint;
}

export class InvalidPositionError extends Error {
  constructor(readonly position: string) {
    super(`"${position}" is not a PostgreSQL event-store position ("<transaction id>:<global position>")`);
    this.name = 'InvalidPositionError';
  }
}

const FORMAT = /^(\d{1,20}):(\d{1,19})$/;

export function formatPosition(transactionId: string | bigint, globalPosition: string | bigint): GlobalPosition {
  return `${BigInt(transactionId)}:${BigInt(globalPosition)}`;
}

export function parsePosition(position: GlobalPosition): PgPosition {
  const match = FORMAT.exec(position);
  if (!match) throw new InvalidPositionError(position);
  return { transactionId: BigInt(match[1]), globalPosition: BigInt(match[2]) };
}

export function isAfter(a: PgPosition, b: PgPosition): boolean {
  return a.transactionId > b.transactionId || (a.transactionId === b.transactionId && a.globalPosition > b.globalPosition);
}
