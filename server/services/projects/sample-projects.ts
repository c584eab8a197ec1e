import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { PROJECT_ELEMENTS, type ProjectElement, type ProjectStage } from '../../model/vocabulary.ts';
import type { Store } from '../../store/store.ts';
import { SeedError } from '../seed/seed-error.ts';
import { ValidationError } from '../../errors.ts';
import { STAGE_ORDER } from './pipeline-rules.ts';
import { changeProjectStage, createProject, listProjects, type Clock } from './projects.ts';
import type { ProjectInput } from './project-types.ts';
import { checkDate, validateProjectInput } from './validate-project.ts';

const FILE = 'sample/projects.yaml';
/** Who the history of sample projects names. */
const SAMPLE_ACTOR = '示例数据';

export interface SampleProject {
  id: string;
  input: ProjectInput;
  /** Stage dates in the forward order, then 终止 when dropped. */
  steps: { stage: ProjectStage; date: string; reason?: string }[];
}

type Obj = Record<string, unknown>;
const fail = (record: string, field: string, problem: string): never => {
  throw new SeedError(FILE, record, field, problem);
};
const text = (o: Obj, f: string, record: string, optional = false): string | null => {
  const v = o[f];
  if (v === undefined || v === null || v === '') return optional ? null : fail(record, f, 'is missing');
  if (typeof v !== 'string' && typeof v !== 'number') return fail(record, f, 'must be text');
  return String(v);
};
const ids = (o: Obj, f: string, record: string): string[] => {
  const v = o[f];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return fail(record, f, 'must be a list of ids');
  return v as string[];
};

/** Reads and checks seeds/sample/projects.yaml; every failure names the record and field. */
export function readSampleProjects(dir: string): SampleProject[] {
  let doc: Obj;
  try {
    doc = YAML.parse(readFileSync(join(dir, FILE), 'utf8')) as Obj;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    return fail('(file)', '(file)', (e as Error).message);
  }
  const list = doc?.projects;
  if (!Array.isArray(list)) return fail('(file)', 'projects', 'must be a list');
  const seen = new Set<string>();
  return list.map((item, i) => {
    const o = (item ?? {}) as Obj;
    const id = text(o, 'id', `project ${i + 1}`)!;
    const record = `project ${id}`;
    if (!id.startsWith('project:sample:')) fail(record, 'id', "must start with 'project:sample:'");
    if (seen.has(id)) fail(record, 'id', 'is used twice');
    seen.add(id);
    const stages = (o.stages ?? {}) as Obj;
    const steps: SampleProject['steps'] = [];
    for (const stage of STAGE_ORDER) {
      const date = text(stages, stage, record, true);
      if (date) steps.push({ stage, date: checkOr(record, `stages.${stage}`, date) });
    }
    if (steps[0]?.stage !== 'lead') fail(record, 'stages.lead', 'is missing');
    steps.forEach(
      (s, j) => j > 0 && s.date < steps[j - 1]!.date && fail(record, `stages.${s.stage}`, `${s.date} is before ${steps[j - 1]!.stage} ${steps[j - 1]!.date}`),
    );
    if (o.dropped !== undefined) {
      const d = o.dropped as Obj;
      steps.push({ stage: 'dropped', date: checkOr(record, 'dropped.date', text(d, 'date', record)!), reason: text(d, 'reason', record)! });
    }
    const elements = ids(o, 'elements', record);
    const bad = elements.find((e) => !(PROJECT_ELEMENTS as readonly string[]).includes(e));
    if (bad) fail(record, 'elements', `'${bad}' is not one of ${PROJECT_ELEMENTS.join(', ')}`);
    const num = (f: string) =>
      o[f] === undefined || o[f] === null ? null : typeof o[f] === 'number' ? (o[f] as number) : fail(record, f, 'must be a number of 亿元');
    const input: ProjectInput = {
      name: text(o, 'name', record),
      investorId: text(o, 'investor', record, true),
      investorName: text(o, 'investorName', record, true),
      areaId: text(o, 'area', record),
      parkId: text(o, 'park', record, true),
      segmentIds: ids(o, 'segments', record),
      chainIds: ids(o, 'chains', record),
      gapIds: ids(o, 'gaps', record),
      leadUnitId: text(o, 'leadUnit', record, true),
      lookAfterUnitIds: ids(o, 'lookAfter', record),
      investment: num('investment'),
      plannedOutput: num('plannedOutput'),
      elements: elements as ProjectElement[],
      notes: text(o, 'notes', record, true),
      stage: 'lead',
      stageDate: steps[0]!.date,
    };
    try {
      validateProjectInput(input, true);
    } catch (e) {
      if (e instanceof ValidationError) fail(record, e.field ?? '(record)', e.message);
      throw e;
    }
    return { id, input, steps };
  });
}

function checkOr(record: string, field: string, date: string): string {
  try {
    return checkDate(date, field);
  } catch (e) {
    return fail(record, field, (e as Error).message);
  }
}

const at = (date: string): Clock => ({ now: () => `${date}T09:00:00.000Z` });

/**
 * Writes the sample projects not yet in the graph (origin sample, 示例数据),
 * each through the same service as a user's project, its stages replayed on
 * their dates so the history and the stage dates agree.
 */
export async function loadSampleProjects(store: Store, dir: string): Promise<number> {
  const samples = readSampleProjects(dir);
  if (samples.length === 0) return 0;
  const existing = new Set((await listProjects(store, { ids: samples.map((s) => s.id) })).map((p) => p.id));
  let written = 0;
  for (const sample of samples.filter((s) => !existing.has(s.id))) {
    const [first, ...rest] = sample.steps;
    try {
      await createProject(store, sample.input, SAMPLE_ACTOR, { id: sample.id, origin: 'sample', clock: at(first!.date) });
      for (const step of rest) {
        await changeProjectStage(store, { id: sample.id, stage: step.stage, date: step.date, reason: step.reason ?? null }, SAMPLE_ACTOR, {
          clock: at(step.date),
        });
      }
    } catch (e: unknown) {
      const field = (e as { field?: string }).field ?? '(record)';
      fail(`project ${sample.id}`, field, e instanceof Error ? e.message : String(e));
    }
    written += 1;
  }
  return written;
}
