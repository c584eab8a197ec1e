import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The seed folder (chains, segments, areas of the plan): the skeleton the generator hangs enterprises on. */
export const SEEDS_DIR = fileURLToPath(new URL('../../../seeds/', import.meta.url));

export type Region = 'local' | 'anhui' | 'yrd' | 'other';
export const REGIONS: readonly Region[] = ['local', 'anhui', 'yrd', 'other'];

export interface SkeletonArea {
  id: string;
  name: string;
  nameEn: string | null;
  level: string;
  local: boolean;
  partOf: string | null;
  origin: string;
  source: string | null;
  sourceText: string | null;
  /** Derived: the region an enterprise located here counts for, and its province and city names. */
  region: Region;
  province: string | null;
  city: string | null;
}

export interface SkeletonSegment {
  id: string;
  name: string;
  nameEn: string | null;
  stage: string;
  chains: string[];
  fromPlan: boolean;
  note: string | null;
  source: string | null;
  sourceText: string | null;
}

export interface SkeletonChain {
  id: string;
  name: string;
  nameEn: string | null;
  targetOutput: number | null;
  source: string | null;
  sourceText: string | null;
}

export interface SkeletonFeed {
  from: string;
  to: string;
  fromPlan: boolean;
  note: string | null;
  source: string | null;
  sourceText: string | null;
}

export interface Skeleton {
  chains: SkeletonChain[];
  segments: SkeletonSegment[];
  feeds: SkeletonFeed[];
  areas: SkeletonArea[];
  /** Segments of the plan's gaps (seeds/gaps.yaml) by kind: where the generator leaves room for 补链 and 延链. */
  plannedGaps: { segment: string; kind: string }[];
}

type Raw = Record<string, unknown>;
const str = (v: unknown): string | null => (v === undefined || v === null ? null : String(v));

/** Reads chains, segments, FEEDS edges and areas from seeds/chains.yaml and seeds/areas.yaml. */
export function readSkeleton(dir: string = SEEDS_DIR): Skeleton {
  const chainsDoc = parse(readFileSync(path.join(dir, 'chains.yaml'), 'utf8')) as { chains: Raw[]; segments: Raw[]; feeds: Raw[] };
  const areasDoc = parse(readFileSync(path.join(dir, 'areas.yaml'), 'utf8')) as { areas: Raw[] };
  const chains = chainsDoc.chains.map((c) => ({
    id: String(c.id),
    name: String(c.name),
    nameEn: str(c.nameEn),
    targetOutput: typeof c.targetOutput === 'number' ? c.targetOutput : null,
    source: str(c.source),
    sourceText: str(c.sourceText),
  }));
  const segments = chainsDoc.segments.map((s) => ({
    id: String(s.id),
    name: String(s.name),
    nameEn: str(s.nameEn),
    stage: String(s.stage ?? 'midstream'),
    chains: (s.chains as string[] | undefined) ?? [],
    fromPlan: s.fromPlan !== false,
    note: str(s.note),
    source: str(s.source),
    sourceText: str(s.sourceText),
  }));
  const feeds = chainsDoc.feeds.map((f) => ({
    from: String(f.from),
    to: String(f.to),
    fromPlan: f.fromPlan !== false,
    note: str(f.note),
    source: str(f.source),
    sourceText: str(f.sourceText),
  }));
  const byId = new Map(areasDoc.areas.map((a) => [String(a.id), a]));
  const ancestors = (id: string): Raw[] => {
    const out: Raw[] = [];
    for (let a = byId.get(id); a; a = a.partOf ? byId.get(String(a.partOf)) : undefined) out.push(a);
    return out;
  };
  const areas = areasDoc.areas.map((a): SkeletonArea => {
    const up = ancestors(String(a.id));
    const ids = up.map((x) => String(x.id));
    const region: Region = a.local === true ? 'local' : ids.includes('area:anhui') ? 'anhui' : ids.includes('area:yrd') ? 'yrd' : 'other';
    const province = up.find((x) => x.level === 'province');
    const city = up.find((x) => x.level === 'city');
    return {
      id: String(a.id),
      name: String(a.name),
      nameEn: str(a.nameEn),
      level: String(a.level),
      local: a.local === true,
      partOf: str(a.partOf),
      origin: String(a.origin ?? 'plan'),
      source: str(a.source),
      sourceText: str(a.sourceText),
      region,
      province: province ? String(province.name) : null,
      city: city ? String(city.name) : province ? String(province.name) : null,
    };
  });
  const gapsDoc = parse(readFileSync(path.join(dir, 'gaps.yaml'), 'utf8')) as { gaps?: Raw[] } | null;
  const plannedGaps = (gapsDoc?.gaps ?? []).map((g) => ({ segment: String(g.segment), kind: String(g.kind) }));
  return { chains, segments, feeds, areas, plannedGaps };
}
