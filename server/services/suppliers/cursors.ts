import { ValidationError } from '../../errors.ts';

/** Opaque page cursors: the offset of the last candidate of a page. */
export const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64');

/** The offset the page after `after` starts at (0 without a cursor). */
export function decodeCursor(after: string | null | undefined): number {
  if (!after) return 0;
  const m = /^offset:(\d+)$/.exec(Buffer.from(after, 'base64').toString('utf8'));
  if (!m) throw new ValidationError(`after is not a cursor from this query ('${after}')`, 'after');
  return Number(m[1]) + 1;
}
