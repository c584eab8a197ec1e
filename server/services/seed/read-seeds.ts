import { normaliseName } from '../../model/normalise-name.ts';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import YAML from 'yaml';
import { isValidUscc, usccCheckChar } from '../../model/uscc.ts';
import { ENTERPRISE_ROLES, GAP_KINDS, GAP_STATUSES, REGIONS, SEGMENT_STAGES } from '../../model/vocabulary.ts';
import { SeedError } from './seed-error.ts';

export { SeedError } from './seed-error.ts';

/** The seeds/ folder of the repository. */
export const SEEDS_DIR = fileURLToPath(new URL('../../../seeds/', import.meta.url));

type Value = string | number | boolean | string[] | null;
/** One row for an `UNWIND $rows` write: plain values only, absent fields as null. */
export type SeedRow = Record<string, Value>;

/** Everything seeds/ holds, as rows for the write queries in cypher/write/seed/. */
export interface SeedData {
  areas: SeedRow[];
  areaPartOf: SeedRow[];
  units: SeedRow[];
  unitAreas: SeedRow[];
  chains: SeedRow[];
  segments: SeedRow[];
  chainSegments: SeedRow[];
  feeds: SeedRow[];
  actions: SeedRow[];
  tasks: SeedRow[];
  taskChains: SeedRow[];
  taskLeads: SeedRow[];
  taskSupports: SeedRow[];
  targets: SeedRow[];
  targetParts: SeedRow[];
  targetMeasuresChain: SeedRow[];
  targetMeasuresArea: SeedRow[];
  gaps: SeedRow[];
  gapResponsible: SeedRow[];
  enterprises: SeedRow[];
  operatesIn: SeedRow[];
  supplies: SeedRow[];
  /** Hash of the seed files, stored in Meta.version. */
  version: string;
}

export const SEED_FILES = {
  areas: 'areas.yaml',
  units: 'units.yaml',
  chains: 'chains.yaml',
  actionsTasks: 'actions-tasks.yaml',
  targets: 'targets.yaml',
  gaps: 'gaps.yaml',
  enterprises: 'sample/enterprises.csv',
  supplies: 'sample/supplies.csv',
} as const;

type Obj = Record<string, unknown>;
const ORIGINS = ['plan', 'sample', 'import', 'user'] as const;
const AREA_LEVELS = ['region', 'province', 'city', 'district', 'zone', 'town'] as const;
const UNIT_KINDS = ['department', 'zone', 'town', 'enterprise', 'taskforce'] as const;
const TAGS = ['高新技术', '专精特新', '小巨人', '链主', '战新'] as const;

/** Reads fields of the records of one file; every failure names file, record and field. */
class FileReader {
  constructor(
    readonly file: string,
    private readonly planText: string | null,
  ) {}

  fail(record: string, field: string, message: string): never {
    throw new SeedError(this.file, record, field, message);
  }

  object(value: unknown, record: string, field: string): Obj {
    if (!value || typeof value !== 'object' || Array.isArray(value)) this.fail(record, field, 'must be a mapping');
    return value as Obj;
  }

  list(obj: Obj, field: string, record: string, optional = false): unknown[] {
    const value = obj[field];
    if (value === undefined || value === null) {
      if (optional) return [];
      this.fail(record, field, 'is missing');
    }
    if (!Array.isArray(value)) this.fail(record, field, 'must be a list');
    return value;
  }

  str(obj: Obj, field: string, record: string, optional?: false): string;
  str(obj: Obj, field: string, record: string, optional: true): string | null;
  str(obj: Obj, field: string, record: string, optional = false): string | null {
    const value = obj[field];
    if (value === undefined || value === null || value === '') {
      if (optional) return null;
      this.fail(record, field, 'is missing');
    }
    if (typeof value !== 'string' && typeof value !== 'number') this.fail(record, field, `must be text (got ${JSON.stringify(value)})`);
    return String(value).trim();
  }

  num(obj: Obj, field: string, record: string, optional?: false): number;
  num(obj: Obj, field: string, record: string, optional: true): number | null;
  num(obj: Obj, field: string, record: string, optional = false): number | null {
    const value = obj[field];
    if (value === undefined || value === null || value === '') {
      if (optional) return null;
      this.fail(record, field, 'is missing');
    }
    const n = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(n)) this.fail(record, field, `must be a number (got ${JSON.stringify(value)})`);
    return n;
  }

  bool(obj: Obj, field: string, record: string, fallback?: boolean): boolean {
    const value = obj[field];
    if (value === undefined || value === null || value === '') {
      if (fallback !== undefined) return fallback;
      this.fail(record, field, 'is missing');
    }
    if (value === true || value === 'true') return true;
    if (value === false || value === 'false') return false;
    this.fail(record, field, `must be true or false (got ${JSON.stringify(value)})`);
  }

  oneOf<T extends string>(obj: Obj, field: string, record: string, allowed: readonly T[], fallback?: T): T {
    const value = fallback === undefined ? this.str(obj, field, record) : (this.str(obj, field, record, true) ?? fallback);
    if (!(allowed as readonly string[]).includes(value)) this.fail(record, field, `must be one of ${allowed.join(', ')} (got '${value}')`);
    return value as T;
  }

  ref(value: string, known: Set<string>, record: string, field: string, what: string): string {
    if (!known.has(value)) this.fail(record, field, `unknown ${what} id '${value}'`);
    return value;
  }

  /**
   * `aliases`: other names users say for a chain or segment, each with its
   * provenance: `sourceText` (verbatim from the plan, containing the alias) or,
   * for words the plan does not use, a `note` saying where the word comes from.
   */
  aliases(obj: Obj, record: string): string[] {
    if (obj.aliases === undefined || obj.aliases === null) return [];
    return this.list(obj, 'aliases', record).map((item, i) => {
      const field = `aliases[${i}]`;
      const alias = this.object(item, record, field);
      const name = this.str(alias, 'name', `${record} ${field}`);
      const sourceText = this.str(alias, 'sourceText', `${record} ${field}`, true);
      if (sourceText) {
        if (this.planText !== null && !this.planText.includes(sourceText))
          this.fail(record, `${field}.sourceText`, `is not found verbatim in the plan text: '${sourceText}'`);
        if (!sourceText.includes(name)) this.fail(record, `${field}.sourceText`, `does not contain the alias '${name}'`);
      } else if (!this.str(alias, 'note', `${record} ${field}`, true)) {
        this.fail(record, `${field}.note`, 'is missing (say where a name the plan does not use comes from, or give sourceText)');
      }
      return name;
    });
  }

  /** source and sourceText, both or neither; sourceText must be copied verbatim from the plan. */
  provenance(obj: Obj, record: string, required: boolean, defaults: Obj = {}): { source: string | null; sourceText: string | null } {
    const merged = { ...defaults, ...obj };
    const source = this.str(merged, 'source', record, true);
    const sourceText = this.str(obj, 'sourceText', record, true);
    if (required || sourceText) {
      if (!source) this.fail(record, 'source', 'is missing (the numbered part of the plan, e.g. 三(三)7)');
      if (!sourceText) this.fail(record, 'sourceText', 'is missing (the sentence of the plan, copied verbatim)');
      if (this.planText !== null && !this.planText.includes(sourceText)) {
        this.fail(record, 'sourceText', `is not found verbatim in the plan text: '${sourceText}'`);
      }
    }
    return { source, sourceText };
  }
}

/** Aliases as stored: as written, and normalised for search (like searchName). */
function aliasFields(aliases: string[]): { aliases: string[]; searchAliases: string[] } {
  return { aliases, searchAliases: aliases.map(normaliseName) };
}

class IdRegistry {
  private readonly ids = new Set<string>();
  constructor(private readonly what: string) {}
  add(reader: FileReader, id: string, record: string): void {
    if (this.ids.has(id)) reader.fail(record, 'id', `duplicate ${this.what} id '${id}'`);
    this.ids.add(id);
  }
  get set(): Set<string> {
    return this.ids;
  }
}

function readYaml(dir: string, file: string): { reader: FileReader; doc: Obj; raw: string } {
  const full = path.join(dir, file);
  if (!existsSync(full)) throw new SeedError(file, '(file)', '(file)', `missing: expected ${full}`);
  const raw = readFileSync(full, 'utf8');
  let doc: unknown;
  try {
    doc = YAML.parse(raw);
  } catch (e) {
    throw new SeedError(file, '(file)', '(yaml)', (e as Error).message);
  }
  const planText = readPlanText(dir);
  const reader = new FileReader(file, planText);
  return { reader, doc: reader.object(doc, '(file)', '(top level)'), raw };
}

function readCsv(dir: string, file: string): { reader: FileReader; rows: Obj[]; raw: string } {
  const full = path.join(dir, file);
  if (!existsSync(full)) throw new SeedError(file, '(file)', '(file)', `missing: expected ${full}`);
  const raw = readFileSync(full, 'utf8');
  let rows: Obj[];
  try {
    rows = parseCsv(raw, { columns: true, skip_empty_lines: true, bom: true, trim: true }) as Obj[];
  } catch (e) {
    throw new SeedError(file, '(file)', '(csv)', (e as Error).message);
  }
  return { reader: new FileReader(file, null), rows, raw };
}

/** The plan text in seeds/source/*.txt, used to check sourceText; null when the folder has none. */
function readPlanText(dir: string): string | null {
  const sourceDir = path.join(dir, 'source');
  if (!existsSync(sourceDir)) return null;
  const texts = readdirSync(sourceDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(path.join(sourceDir, f), 'utf8'));
  return texts.length ? texts.join('\n') : null;
}

function hash(text: string): string {
  // FNV-1a 32-bit twice (different offsets): a short, stable fingerprint of the seed files.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

const label = (obj: Obj, index: number, noun = 'record'): string => (typeof obj.id === 'string' && obj.id ? obj.id : `${noun} ${index + 1}`);

/** Parses and validates every file of `dir` (default seeds/) into rows; throws SeedError naming file, record and field. */
export function readSeeds(dir: string = SEEDS_DIR): SeedData {
  const raws: string[] = [];
  const areaIds = new IdRegistry('area');
  const unitIds = new IdRegistry('unit');
  const chainIds = new IdRegistry('chain');
  const segmentIds = new IdRegistry('segment');
  const actionIds = new IdRegistry('action');
  const taskIds = new IdRegistry('task');
  const targetIds = new IdRegistry('target');
  const gapIds = new IdRegistry('gap');
  const enterpriseIds = new IdRegistry('enterprise');
  const data: SeedData = {
    areas: [],
    areaPartOf: [],
    units: [],
    unitAreas: [],
    chains: [],
    segments: [],
    chainSegments: [],
    feeds: [],
    actions: [],
    tasks: [],
    taskChains: [],
    taskLeads: [],
    taskSupports: [],
    targets: [],
    targetParts: [],
    targetMeasuresChain: [],
    targetMeasuresArea: [],
    gaps: [],
    gapResponsible: [],
    enterprises: [],
    operatesIn: [],
    supplies: [],
    version: '',
  };

  // areas.yaml
  {
    const { reader, doc, raw } = readYaml(dir, SEED_FILES.areas);
    raws.push(raw);
    const records = reader.list(doc, 'areas', '(file)');
    const parents: { from: string; to: string; record: string }[] = [];
    records.forEach((item, i) => {
      const obj = reader.object(item, `record ${i + 1}`, '(record)');
      const record = label(obj, i);
      const id = reader.str(obj, 'id', record);
      areaIds.add(reader, id, record);
      const origin = reader.oneOf(obj, 'origin', record, ORIGINS, 'plan');
      const { source, sourceText } = reader.provenance(obj, record, false);
      data.areas.push({
        id,
        name: reader.str(obj, 'name', record),
        nameEn: reader.str(obj, 'nameEn', record, true),
        level: reader.oneOf(obj, 'level', record, AREA_LEVELS),
        local: reader.bool(obj, 'local', record, false),
        note: reader.str(obj, 'note', record, true),
        origin,
        source,
        sourceText,
      });
      const partOf = reader.str(obj, 'partOf', record, true);
      if (partOf) parents.push({ from: id, to: partOf, record });
    });
    for (const p of parents) {
      reader.ref(p.to, areaIds.set, p.record, 'partOf', 'area');
      data.areaPartOf.push({ from: p.from, to: p.to, source: null, sourceText: null });
    }
  }

  // units.yaml
  const unitByName = new Map<string, string>();
  {
    const { reader, doc, raw } = readYaml(dir, SEED_FILES.units);
    raws.push(raw);
    const records = reader.list(doc, 'units', '(file)');
    const hosts: { record: string; field: string; id: string }[] = [];
    records.forEach((item, i) => {
      const obj = reader.object(item, `record ${i + 1}`, '(record)');
      const record = label(obj, i);
      const id = reader.str(obj, 'id', record);
      unitIds.add(reader, id, record);
      const name = reader.str(obj, 'name', record);
      if (unitByName.has(name)) reader.fail(record, 'name', `duplicate unit name '${name}' (tasks refer to units by name)`);
      unitByName.set(name, id);
      const areaId = reader.ref(reader.str(obj, 'areaId', record), areaIds.set, record, 'areaId', 'area');
      const belongsTo = reader.list(obj, 'belongsTo', record, true).map((a, j) => reader.ref(String(a), areaIds.set, record, `belongsTo[${j}]`, 'area'));
      const hostUnitId = reader.str(obj, 'hostUnitId', record, true);
      const partOfUnitId = reader.str(obj, 'partOfUnitId', record, true);
      if (hostUnitId) hosts.push({ record, field: 'hostUnitId', id: hostUnitId });
      if (partOfUnitId) hosts.push({ record, field: 'partOfUnitId', id: partOfUnitId });
      const { source, sourceText } = reader.provenance(obj, record, false);
      data.units.push({
        id,
        name,
        areaId,
        kind: reader.oneOf(obj, 'kind', record, UNIT_KINDS),
        hostUnitId,
        partOfUnitId,
        note: reader.str(obj, 'note', record, true),
        origin: 'plan',
        source,
        sourceText,
      });
      for (const area of new Set([areaId, ...belongsTo])) data.unitAreas.push({ unit: id, area });
    });
    for (const h of hosts) reader.ref(h.id, unitIds.set, h.record, h.field, 'unit');
  }

  // chains.yaml
  {
    const { reader, doc, raw } = readYaml(dir, SEED_FILES.chains);
    raws.push(raw);
    reader.list(doc, 'chains', '(file)').forEach((item, i) => {
      const obj = reader.object(item, `chain ${i + 1}`, '(record)');
      const record = label(obj, i, 'chain');
      const id = reader.str(obj, 'id', record);
      chainIds.add(reader, id, record);
      const { source, sourceText } = reader.provenance(obj, record, true);
      data.chains.push({
        id,
        name: reader.str(obj, 'name', record),
        nameEn: reader.str(obj, 'nameEn', record, true),
        targetOutput: reader.num(obj, 'targetOutput', record, true),
        ...aliasFields(reader.aliases(obj, record)),
        origin: 'plan',
        source,
        sourceText,
      });
    });
    reader.list(doc, 'segments', '(file)').forEach((item, i) => {
      const obj = reader.object(item, `segment ${i + 1}`, '(record)');
      const record = label(obj, i, 'segment');
      const id = reader.str(obj, 'id', record);
      segmentIds.add(reader, id, record);
      const fromPlan = reader.bool(obj, 'fromPlan', record, true);
      const { source, sourceText } = reader.provenance(obj, record, fromPlan);
      const note = reader.str(obj, 'note', record, true);
      if (!fromPlan && !note) reader.fail(record, 'note', 'is missing (say why a segment the plan does not name is here)');
      data.segments.push({
        id,
        name: reader.str(obj, 'name', record),
        nameEn: reader.str(obj, 'nameEn', record, true),
        stage: reader.oneOf(obj, 'stage', record, SEGMENT_STAGES),
        fromPlan,
        note,
        ...aliasFields(reader.aliases(obj, record)),
        origin: 'plan',
        source,
        sourceText,
      });
      const chains = reader.list(obj, 'chains', record);
      if (!chains.length) reader.fail(record, 'chains', 'must name at least one chain');
      chains.forEach((c, j) => {
        data.chainSegments.push({ chain: reader.ref(String(c), chainIds.set, record, `chains[${j}]`, 'chain'), segment: id, source, sourceText });
      });
    });
    const seen = new Set<string>();
    reader.list(doc, 'feeds', '(file)').forEach((item, i) => {
      const record = `feeds[${i}]`;
      const obj = reader.object(item, record, '(record)');
      const from = reader.ref(reader.str(obj, 'from', record), segmentIds.set, record, 'from', 'segment');
      const to = reader.ref(reader.str(obj, 'to', record), segmentIds.set, record, 'to', 'segment');
      const named = `${record} (${from} -> ${to})`;
      if (from === to) reader.fail(named, 'to', 'a segment cannot feed itself');
      if (seen.has(`${from}>${to}`)) reader.fail(named, 'to', 'duplicate FEEDS edge');
      seen.add(`${from}>${to}`);
      const fromPlan = reader.bool(obj, 'fromPlan', named, true);
      const { source, sourceText } = reader.provenance(obj, named, fromPlan);
      const note = reader.str(obj, 'note', named, true);
      if (!fromPlan && !note) reader.fail(named, 'note', 'is missing (say why an edge the plan does not state is here)');
      data.feeds.push({ from, to, fromPlan, note, source, sourceText });
    });
  }

  // actions-tasks.yaml
  const duties = new Map<string, Map<string, { lead: string[]; support: string[] }>>();
  {
    const { reader, doc, raw } = readYaml(dir, SEED_FILES.actionsTasks);
    raws.push(raw);
    reader.list(doc, 'actions', '(file)').forEach((item, i) => {
      const obj = reader.object(item, `action ${i + 1}`, '(record)');
      const record = label(obj, i, 'action');
      const id = reader.str(obj, 'id', record);
      actionIds.add(reader, id, record);
      const { source, sourceText } = reader.provenance(obj, record, true);
      data.actions.push({ id, no: reader.num(obj, 'no', record), name: reader.str(obj, 'name', record), origin: 'plan', source, sourceText });
    });
    reader.list(doc, 'tasks', '(file)').forEach((item, i) => {
      const obj = reader.object(item, `task ${i + 1}`, '(record)');
      const record = label(obj, i, 'task');
      const id = reader.str(obj, 'id', record);
      taskIds.add(reader, id, record);
      const { source, sourceText } = reader.provenance(obj, record, true);
      const text = reader.str(obj, 'text', record);
      const dutyText = reader.str(obj, 'dutyText', record);
      // the task text and the duty sentence are checked against the plan like any sourceText
      reader.provenance({ source, sourceText: text }, `${record} (text)`, true);
      reader.provenance({ source, sourceText: dutyText }, `${record} (dutyText)`, true);
      data.tasks.push({
        id,
        no: reader.num(obj, 'no', record),
        actionId: reader.ref(reader.str(obj, 'action', record), actionIds.set, record, 'action', 'action'),
        name: reader.str(obj, 'name', record),
        text,
        dutyText,
        origin: 'plan',
        source,
        sourceText,
      });
      reader.list(obj, 'develops', record, true).forEach((c, j) => {
        data.taskChains.push({ task: id, chain: reader.ref(String(c), chainIds.set, record, `develops[${j}]`, 'chain'), source, sourceText });
      });
      const dutyObj = reader.object(obj.duties, record, 'duties');
      const perArea = new Map<string, { lead: string[]; support: string[] }>();
      for (const [area, value] of Object.entries(dutyObj)) {
        reader.ref(area, areaIds.set, record, `duties.${area}`, 'area');
        const d = reader.object(value, record, `duties.${area}`);
        const resolve = (role: 'lead' | 'support') =>
          reader.list(d, role, record, role === 'support').map((name, j) => {
            const unit = unitByName.get(String(name));
            return unit ?? reader.fail(record, `duties.${area}.${role}[${j}]`, `unknown unit name '${String(name)}' (add it to units.yaml)`);
          });
        const lead = resolve('lead');
        if (!lead.length) reader.fail(record, `duties.${area}.lead`, 'needs at least one lead unit (责任单位)');
        const support = resolve('support');
        perArea.set(area, { lead, support });
        lead.forEach((unit, order) => data.taskLeads.push({ unit, task: id, area, order, source, sourceText: dutyText }));
        support.forEach((unit, order) => data.taskSupports.push({ unit, task: id, area, order, source, sourceText: dutyText }));
      }
      if (!perArea.size) reader.fail(record, 'duties', 'names no area');
      duties.set(id, perArea);
    });
  }

  // targets.yaml
  {
    const { reader, doc, raw } = readYaml(dir, SEED_FILES.targets);
    raws.push(raw);
    const defaults = doc.defaults === undefined ? {} : reader.object(doc.defaults, '(defaults)', 'defaults');
    const areaNames = new Map(data.areas.map((a) => [a.id as string, a.name as string]));
    const areaNamesEn = new Map(data.areas.map((a) => [a.id as string, (a.nameEn ?? a.name) as string]));
    reader.list(doc, 'targets', '(file)').forEach((item, i) => {
      const obj = reader.object(item, `target ${i + 1}`, '(record)');
      const record = label(obj, i, 'target');
      const id = reader.str(obj, 'id', record);
      targetIds.add(reader, id, record);
      const merged = { ...defaults, ...obj };
      const { source, sourceText } = reader.provenance(obj, record, true, defaults);
      const deadline = reader.str(merged, 'deadline', record);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(deadline)) reader.fail(record, 'deadline', `must be a date YYYY-MM-DD (got '${deadline}')`);
      const name = reader.str(obj, 'name', record);
      const nameEn = reader.str(obj, 'nameEn', record, true);
      const value = reader.num(obj, 'value', record);
      const unit = reader.str(obj, 'unit', record);
      const group = reader.oneOf(obj, 'group', record, ['规模总量', '产业集聚', '发展质量', '要素保障'] as const);
      const metric = reader.str(obj, 'metric', record, true);
      const counts = reader.oneOf(obj, 'counts', record, ['stock', 'increase', 'projects'] as const, 'stock');
      const note = reader.str(obj, 'note', record, true);
      data.targets.push({ id, name, nameEn, value, unit, deadline, group, metric, counts, areaId: null, note, origin: 'plan', source, sourceText });
      const measures = reader.list(obj, 'measures', record);
      measures.forEach((m, j) => {
        const to = String(m);
        if (chainIds.set.has(to)) data.targetMeasuresChain.push({ target: id, to, source, sourceText });
        else if (areaIds.set.has(to)) data.targetMeasuresArea.push({ target: id, to, source, sourceText });
        else reader.fail(record, `measures[${j}]`, `unknown chain or area id '${to}'`);
      });
      if (obj.parts !== undefined) {
        const parts = reader.object(obj.parts, record, 'parts');
        let sum = 0;
        for (const area of Object.keys(parts)) {
          reader.ref(area, areaIds.set, record, `parts.${area}`, 'area');
          const v = reader.num(parts, area, record);
          sum += v;
          const partId = `${id}:${area.replace(/^area:/, '')}`;
          targetIds.add(reader, partId, `${record} parts.${area}`);
          data.targets.push({
            id: partId,
            name: `${name}(${areaNames.get(area) ?? area})`,
            nameEn: nameEn && `${nameEn} (${areaNamesEn.get(area) ?? area})`,
            value: v,
            unit,
            deadline,
            group,
            metric,
            counts,
            areaId: area,
            note: null,
            origin: 'plan',
            source,
            sourceText,
          });
          data.targetParts.push({ part: partId, whole: id, area, source, sourceText });
        }
        if (Math.abs(sum - value) > 1e-9) reader.fail(record, 'parts', `per-area values add up to ${sum}, not to value ${value}`);
      }
    });
  }

  // gaps.yaml
  {
    const { reader, doc, raw } = readYaml(dir, SEED_FILES.gaps);
    raws.push(raw);
    const defaults = doc.defaults === undefined ? {} : reader.object(doc.defaults, '(defaults)', 'defaults');
    reader.list(doc, 'gaps', '(file)').forEach((item, i) => {
      const obj = reader.object(item, `gap ${i + 1}`, '(record)');
      const record = label(obj, i, 'gap');
      const merged = { ...defaults, ...obj };
      const id = reader.str(obj, 'id', record);
      gapIds.add(reader, id, record);
      const origin = reader.oneOf(merged, 'origin', record, ['plan', 'analysis', 'user'] as const);
      const { source, sourceText } = reader.provenance(obj, record, origin === 'plan');
      const segment = reader.ref(reader.str(obj, 'segment', record), segmentIds.set, record, 'segment', 'segment');
      const chain = reader.ref(reader.str(obj, 'chain', record), chainIds.set, record, 'chain', 'chain');
      const area = reader.ref(reader.str(obj, 'area', record), areaIds.set, record, 'area', 'area');
      const task = reader.ref(reader.str(obj, 'task', record), taskIds.set, record, 'task', 'task');
      const inChain = data.chainSegments.some((cs) => cs.chain === chain && cs.segment === segment);
      if (!inChain) reader.fail(record, 'segment', `segment '${segment}' is not in chain '${chain}' (chains.yaml)`);
      const taskDuties = duties.get(task)?.get(area) ?? reader.fail(record, 'area', `task '${task}' gives '${area}' no duty, so no unit would be responsible`);
      data.gaps.push({
        id,
        kind: reader.oneOf(obj, 'kind', record, GAP_KINDS),
        status: reader.oneOf(merged, 'status', record, GAP_STATUSES),
        origin,
        note: reader.str(obj, 'note', record, true),
        reason: reader.str(obj, 'reason', record, true),
        updatedAt: null,
        segment,
        chain,
        area,
        task,
        source,
        sourceText,
      });
      const taskRow = data.tasks.find((t) => t.id === task);
      const duty = { source: taskRow?.source ?? null, sourceText: taskRow?.dutyText ?? null };
      for (const unit of taskDuties.lead) data.gapResponsible.push({ unit, gap: id, role: 'lead', ...duty });
      for (const unit of taskDuties.support) data.gapResponsible.push({ unit, gap: id, role: 'support', ...duty });
    });
  }

  // sample/enterprises.csv
  const localAreas = new Set(data.areas.filter((a) => a.local === true).map((a) => a.id as string));
  {
    const { reader, rows, raw } = readCsv(dir, SEED_FILES.enterprises);
    raws.push(raw);
    const usccs = new Map<string, string>();
    rows.forEach((row, i) => {
      const record = `row ${i + 2}${typeof row.id === 'string' && row.id ? ` (${row.id})` : ''}`;
      const id = reader.str(row, 'id', record);
      enterpriseIds.add(reader, id, record);
      const uscc = reader.str(row, 'uscc', record).toUpperCase();
      if (!isValidUscc(uscc)) {
        const hint = /^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(uscc)
          ? ` (check character should be '${usccCheckChar(uscc.slice(0, 17))}')`
          : ' (18 characters of 0-9 and A-Y without I, O, S, V, Z)';
        reader.fail(record, 'uscc', `'${uscc}' is not a valid 统一社会信用代码${hint}`);
      }
      if (usccs.has(uscc)) reader.fail(record, 'uscc', `duplicate code '${uscc}' (also ${usccs.get(uscc)})`);
      usccs.set(uscc, id);
      const region = reader.oneOf(row, 'region', record, REGIONS);
      const areaId = reader.ref(reader.str(row, 'areaId', record), areaIds.set, record, 'areaId', 'area');
      const local = localAreas.has(areaId);
      if (local !== (region === 'local')) reader.fail(record, 'region', `region '${region}' does not fit area '${areaId}'`);
      const output = reader.num(row, 'output', record);
      if (output < 0) reader.fail(record, 'output', 'must not be negative (万元 per year)');
      const tags = (reader.str(row, 'tags', record, true) ?? '')
        .split(/[;；]/)
        .map((t) => t.trim())
        .filter(Boolean);
      for (const tag of tags) if (!(TAGS as readonly string[]).includes(tag)) reader.fail(record, 'tags', `unknown tag '${tag}' (one of ${TAGS.join(', ')})`);
      const origin = reader.oneOf(row, 'origin', record, ORIGINS);
      const sample = reader.bool(row, 'sample', record, origin === 'sample');
      if (origin === 'sample' && !sample) reader.fail(record, 'sample', 'must be true for origin sample');
      data.enterprises.push({
        id,
        name: reader.str(row, 'name', record),
        shortName: reader.str(row, 'shortName', record, true),
        uscc,
        local,
        region,
        province: reader.str(row, 'province', record, true),
        city: reader.str(row, 'city', record, true),
        areaId,
        output,
        aboveScale: reader.bool(row, 'aboveScale', record),
        tags,
        founded: reader.num(row, 'founded', record, true),
        origin,
        sample,
      });
      const segments = (reader.str(row, 'segments', record, true) ?? '')
        .split(/[;；]/)
        .map((s) => s.trim())
        .filter(Boolean);
      if (!segments.length) reader.fail(record, 'segments', 'names no segment (segment=role;…)');
      for (const entry of segments) {
        const [segment = '', role = 'core'] = entry.split('=');
        reader.ref(segment, segmentIds.set, record, 'segments', 'segment');
        if (!(ENTERPRISE_ROLES as readonly string[]).includes(role))
          reader.fail(record, 'segments', `role '${role}' of '${segment}' must be one of ${ENTERPRISE_ROLES.join(', ')}`);
        data.operatesIn.push({ enterprise: id, segment, role, origin });
      }
    });
  }

  // sample/supplies.csv
  {
    const { reader, rows, raw } = readCsv(dir, SEED_FILES.supplies);
    raws.push(raw);
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      const from0 = typeof row.from === 'string' ? row.from : '';
      const to0 = typeof row.to === 'string' ? row.to : '';
      const record = `row ${i + 2} (${from0} -> ${to0})`;
      const from = reader.ref(reader.str(row, 'from', record), enterpriseIds.set, record, 'from', 'enterprise');
      const to = reader.ref(reader.str(row, 'to', record), enterpriseIds.set, record, 'to', 'enterprise');
      if (from === to) reader.fail(record, 'to', 'an enterprise cannot supply itself');
      if (seen.has(`${from}>${to}`)) reader.fail(record, 'to', 'duplicate SUPPLIES relation');
      seen.add(`${from}>${to}`);
      const share = reader.num(row, 'share', record, true);
      if (share !== null && (share < 0 || share > 1)) reader.fail(record, 'share', `must be from 0 to 1 (got ${share})`);
      data.supplies.push({ from, to, product: reader.str(row, 'product', record, true), share, origin: reader.oneOf(row, 'origin', record, ORIGINS) });
    });
  }

  data.version = `seed-${hash(raws.join('\u0000'))}`;
  return data;
}
