/** A seed file that cannot be loaded; the message names the file, the record (id or row) and the field. */
export class SeedError extends Error {
  override name = 'SeedError';
  constructor(
    readonly file: string,
    readonly record: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`seeds/${file}: ${record}: ${field}: ${problem}`);
  }
}
