import { NotFoundError } from '../errors.ts';

/** NOT_FOUND whose message also names the input field that held the id, e.g. `areaId: Area 'area:x' not found`. */
export class FieldNotFoundError extends NotFoundError {
  constructor(
    kind: string,
    id: string,
    readonly field: string,
  ) {
    super(kind, id);
    this.message = `${field}: ${kind} '${id}' not found`;
  }
}
