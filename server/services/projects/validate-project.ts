import { PROJECT_ELEMENTS, PROJECT_STAGES } from '../../model/vocabulary.ts';
import { ValidationError } from '../../errors.ts';
import type { ProjectInput } from './project-types.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_TEXT = 4000;

/** An ISO date YYYY-MM-DD that exists on the calendar; the error names `field`. */
export function checkDate(value: string, field: string): string {
  const text = value.trim();
  const m = ISO_DATE.exec(text);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !date || date.toISOString().slice(0, 10) !== text) throw new ValidationError(`${field}: '${value}' is not an ISO date (YYYY-MM-DD)`, field);
  return text;
}

/** Trimmed text, null when empty; too long text is refused, naming the field. */
export function cleanText(value: string | null | undefined, field: string, max = MAX_TEXT): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  const text = value.trim();
  if (text.length > max) throw new ValidationError(`${field}: at most ${max} characters (got ${text.length})`, field);
  return text || null;
}

function checkAmount(value: number | null | undefined, field: string): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100_000) {
    throw new ValidationError(`${field}: must be a number of 亿元 from 0 to 100000 (got ${value})`, field);
  }
}

function checkIdList(value: string[] | null | undefined, field: string, max = 50): void {
  if (!value) return;
  if (value.length > max) throw new ValidationError(`${field}: at most ${max} ids (got ${value.length})`, field);
  const blank = value.findIndex((v) => typeof v !== 'string' || !v.trim());
  if (blank >= 0) throw new ValidationError(`${field}[${blank}]: empty id`, field);
}

/**
 * Checks the shape of project input (before any id is looked up). `creating`
 * requires a name and an area; on update only given fields are checked.
 */
export function validateProjectInput(input: ProjectInput, creating: boolean): ProjectInput {
  const name = cleanText(input.name, 'name', 200);
  if (creating || input.name !== undefined) {
    if (!name) throw new ValidationError('name: a project needs a name', 'name');
  }
  if (creating && !input.areaId) throw new ValidationError('areaId: a project needs the area it would land in (e.g. area:chaohu)', 'areaId');
  if (input.areaId === null) throw new ValidationError('areaId: cannot be cleared; a project needs its area', 'areaId');
  checkAmount(input.investment, 'investment');
  checkAmount(input.plannedOutput, 'plannedOutput');
  for (const field of ['chainIds', 'segmentIds', 'gapIds', 'lookAfterUnitIds'] as const) checkIdList(input[field], field);
  if (input.elements) {
    const bad = input.elements.find((e) => !(PROJECT_ELEMENTS as readonly string[]).includes(e));
    if (bad !== undefined) throw new ValidationError(`elements: '${bad}' is not one of ${PROJECT_ELEMENTS.join(', ')}`, 'elements');
  }
  if (input.stage != null && !(PROJECT_STAGES as readonly string[]).includes(input.stage)) {
    throw new ValidationError(`stage: must be one of ${PROJECT_STAGES.join(', ')} (got '${input.stage}')`, 'stage');
  }
  if (input.stage === 'dropped' && !cleanText(input.dropReason, 'dropReason')) {
    throw new ValidationError('dropReason: a dropped (终止) project needs the reason', 'dropReason');
  }
  return {
    ...input,
    name,
    investorName: cleanText(input.investorName, 'investorName', 200),
    notes: cleanText(input.notes, 'notes'),
    dropReason: cleanText(input.dropReason, 'dropReason', 500),
    stageDate: input.stageDate ? checkDate(input.stageDate, 'stageDate') : input.stageDate,
    elements: input.elements ? [...new Set(input.elements)] : input.elements,
  };
}
