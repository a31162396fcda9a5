import type { Position } from '@eventstore/db-client';
import type { GlobalPosition } from '../port';

/** EventStoreDB positions are `"<commit>:<prepare>"`, the two transaction-log offsets, in decimal. */
export class InvalidEsdbPositionError extends Error {
  constructor(readonly position: string) {
    super(`"${position}" is not an EventStoreDB position ("<commit>:<prepare>")`);
    this.name = 'InvalidEsdbPositionError';
  }
}

export const formatEsdbPosition = ({ commit, prepare }: Position): GlobalPosition => `${commit}:${prepare}`;

export function parseEsdbPosition(position: GlobalPosition): Position {
  const match = /^(\d+):(\d+)$/.exec(position);
  if (!match) throw new InvalidEsdbPositionError(position);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}

export const samePosition = (a: Position, b: Position): boolean => a.commit === b.commit && a.prepare === b.prepare;
