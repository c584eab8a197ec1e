import { NotFoundError } from '../../errors.ts';

/** NOT_FOUND whose message also names the input field that held the id, e.g. `areaId: Area 'area:x' not found`. */
export class FieldNotFoundError extends NotFoundError {
  // The field is in the message only: NOT_FOUND answers carry no `field` extension.
  constructor(kind: string, id: string, field: string) {
    super(kind, id);
    this.message = `${field}: ${kind} '${id}' not found`;
  }
}
