import { normaliseName } from '../../model/normalise-name.ts';
import type { EnterpriseRecord } from '../enterprises/enterprise-types.ts';
import type { QueryRunner } from '../../store/store.ts';
import { ENTERPRISE_PAGE, enterpriseIds, readEnterprisePages } from '../projection/enterprise-pages.ts';
import type { IssueCode } from './types.ts';

export interface AreaRef {
  id: string;
  name: string;
  nameEn: string | null;
  level: string | null;
  local: boolean | null;
  /** GB/T 2260 six-digit division code, when known. */
  divisionCode: string | null;
  parentId: string | null;
  ancestors: { id: string; name: string; level: string | null; local: boolean | null }[];
}

export interface SegmentRef {
  id: string;
  name: string;
  nameEn: string | null;
  stage: string | null;
  chains: string[];
  /** 挂链 mapping: industry codes (GB/T 4754, prefixes) and keywords that point to this segment. */
  industryCodes?: string[] | null;
  keywords?: string[] | null;
}

export interface ChainRef {
  id: string;
  name: string;
  nameEn: string | null;
}

export interface EnterpriseRef extends EnterpriseRecord {
  areaIdProperty: string | null;
  areaIds: string[];
}

export type Resolved<T> = { ok: true; value: T } | { ok: false; code: IssueCode; detail?: Record<string, string> };

/** Finds records by id, exact name, normalised name or English name; several matches by name is an error that asks for the id. */
export class NameIndex<T extends { id: string; name: string; nameEn?: string | null }> {
  protected readonly byId = new Map<string, T>();
  private readonly byName = new Map<string, T[]>();

  constructor(
    records: T[],
    private readonly unknown: IssueCode,
    private readonly ambiguous: IssueCode,
  ) {
    for (const r of records) this.add(r);
  }

  add(record: T): void {
    this.byId.set(record.id, record);
    const keys = new Set([record.name, normaliseName(record.name), record.nameEn ? normaliseName(record.nameEn) : ''].filter(Boolean));
    for (const key of keys) {
      const list = this.byName.get(key) ?? [];
      if (!list.some((r) => r.id === record.id)) list.push(record);
      this.byName.set(key, list);
    }
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  values(): IterableIterator<T> {
    return this.byId.values();
  }

  /** True when the text is an id or a name of at least one record (ambiguous names included). */
  knows(text: string): boolean {
    return this.byId.has(text) || this.byName.has(text) || this.byName.has(normaliseName(text));
  }

  find(text: string, prefer?: (r: T) => boolean): Resolved<T> {
    const byId = this.byId.get(text);
    if (byId) return { ok: true, value: byId };
    const list = this.byName.get(text) ?? this.byName.get(normaliseName(text)) ?? [];
    if (list.length === 1) return { ok: true, value: list[0]! };
    if (list.length === 0) return { ok: false, code: this.unknown };
    const preferred = prefer ? list.filter(prefer) : [];
    if (preferred.length === 1) return { ok: true, value: preferred[0]! };
    return { ok: false, code: this.ambiguous, detail: { ids: list.map((r) => r.id).join(', ') } };
  }
}

/** What a link import (OPERATES_IN, SUPPLIES) finds an enterprise by and names it with. */
export type EnterpriseKey = Pick<EnterpriseRecord, 'id' | 'name' | 'uscc'>;

/**
 * Enterprises of the graph, found by USCC or by normalised name (有限公司 = 有限责任公司, full-width brackets …).
 * The names are normalised on the first look-up by name: a link file whose rows all give a known code never
 * needs them (normalising a million names takes seconds).
 */
export class EnterpriseIndex<E extends EnterpriseKey = EnterpriseRef> {
  private readonly byUscc = new Map<string, E>();
  private byName: Map<string, E> | null = null;

  constructor(private readonly records: readonly E[]) {
    for (const r of records) if (r.uscc) this.byUscc.set(r.uscc, r);
  }

  byCode(uscc: string): E | undefined {
    return this.byUscc.get(uscc);
  }

  byNormalisedName(name: string): E | undefined {
    if (!this.byName) {
      this.byName = new Map();
      for (const r of this.records) {
        if (!r.name) continue;
        const key = normaliseName(r.name);
        if (!this.byName.has(key)) this.byName.set(key, r);
      }
    }
    return this.byName.get(normaliseName(name));
  }
}

export async function loadAreas(db: QueryRunner): Promise<AreaIndex> {
  const rows = await db.run<AreaRef>('read/import/areas');
  return new AreaIndex(
    rows.map((r) => ({ ...r, ancestors: (r.ancestors ?? []).filter((a) => a && a.id) })),
    'UNKNOWN_AREA',
    'AMBIGUOUS_AREA',
  );
}

/** Areas by id or name, with the deployment's local scope. */
export class AreaIndex extends NameIndex<AreaRef> {
  readonly all: AreaRef[];
  readonly scope: LocalScope;
  constructor(records: AreaRef[], unknown: IssueCode, ambiguous: IssueCode) {
    super(records, unknown, ambiguous);
    this.all = records;
    this.scope = localScope(records);
  }
}

export async function loadSegments(db: QueryRunner): Promise<NameIndex<SegmentRef>> {
  const rows = await db.run<SegmentRef>('read/import/segments');
  return new NameIndex(
    rows.map((r) => ({ ...r, chains: (r.chains ?? []).filter(Boolean) })),
    'UNKNOWN_SEGMENT',
    'AMBIGUOUS_SEGMENT',
  );
}

export async function loadChains(db: QueryRunner): Promise<NameIndex<ChainRef>> {
  return new NameIndex(await db.run<ChainRef>('read/import/chains'), 'UNKNOWN_CHAIN', 'UNKNOWN_CHAIN');
}

/**
 * Every enterprise, read as ids first and then in pages through the id index
 * (enterprise-pages.ts); `ids` when the caller has read them already (an import
 * reads them once for all its references: 1M ids take seconds).
 */
export async function loadEnterprises(db: QueryRunner, page = ENTERPRISE_PAGE, ids?: readonly string[]): Promise<EnterpriseIndex> {
  const refs: EnterpriseRef[] = [];
  await readEnterprisePages<EnterpriseRef>(
    db,
    'read/import/enterprise-page',
    ids ?? (await enterpriseIds(db)),
    (rows) => {
      // the row itself, not a spread copy (each spread object gets a V8 map of its own: ~0.7 KB an enterprise)
      for (const r of rows) {
        r.areaIds = (r.areaIds ?? []).filter(Boolean);
        refs.push(r);
      }
    },
    page,
  );
  return new EnterpriseIndex(refs);
}

/** Every enterprise's id, name and USCC only (a link import's reference; read in pages as loadEnterprises). */
export async function loadEnterpriseKeys(db: QueryRunner, page = ENTERPRISE_PAGE, ids?: readonly string[]): Promise<EnterpriseIndex<EnterpriseKey>> {
  const keys: EnterpriseKey[] = [];
  await readEnterprisePages<EnterpriseKey>(
    db,
    'read/import/enterprise-key-page',
    ids ?? (await enterpriseIds(db)),
    (rows) => {
      for (const r of rows) keys.push(r);
    },
    page,
  );
  return new EnterpriseIndex(keys);
}

/**
 * The deployment's own places as the area hierarchy gives them: the provinces
 * and the economic regions (level `region`, e.g. 长三角) that hold a local area.
 * Region classes of other areas follow from these (see placeOf), so a new city
 * configures them by importing its hierarchy.
 */
export interface LocalScope {
  provinceIds: Set<string>;
  regionIds: Set<string>;
}

export function localScope(areas: Iterable<AreaRef>): LocalScope {
  const scope: LocalScope = { provinceIds: new Set(), regionIds: new Set() };
  for (const a of areas) {
    if (!isLocal(a)) continue;
    for (const p of a.ancestors) {
      if (p.level === 'province') scope.provinceIds.add(p.id);
      if (p.level === 'region') scope.regionIds.add(p.id);
    }
  }
  return scope;
}

/** An area is local when it, or an area it lies in, is marked as the deployment's own. */
export const isLocal = (a: AreaRef) => a.local === true || a.ancestors.some((p) => p.local === true);

/**
 * Region class (local / anhui = the local province / yrd = an economic region
 * holding a local area / other) and province/city names, from an area and the
 * areas it lies in.
 */
export function placeOf(
  area: AreaRef,
  scope: LocalScope,
): { local: boolean; region: 'local' | 'anhui' | 'yrd' | 'other'; province: string | null; city: string | null } {
  const chain = [area, ...area.ancestors];
  const local = isLocal(area);
  const region = local ? 'local' : chain.some((a) => scope.provinceIds.has(a.id)) ? 'anhui' : chain.some((a) => scope.regionIds.has(a.id)) ? 'yrd' : 'other';
  const province = chain.find((a) => a.level === 'province')?.name ?? null;
  const city = chain.find((a) => a.level === 'city')?.name ?? null;
  return { local, region, province, city };
}
