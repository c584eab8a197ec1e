import type { SegmentRef } from './reference.ts';

/** One row of the 挂链 mapping table: a segment with the industry codes and keywords that point to it. */
export interface SegmentMapping {
  segmentId: string;
  name: string;
  industryCodes: string[];
  keywords: string[];
}

/** A suggested OPERATES_IN link for an enterprise row, with its evidence and strength (0–1). */
export interface LinkSuggestion {
  /** `<row>:<segmentId>`: what options.accept.ids names. */
  id: string;
  row: number;
  enterpriseId: string;
  enterpriseName: string;
  segmentId: string;
  segmentName: string;
  strength: number;
  /** e.g. `行业代码 C3391 属于 C339`, `主营产品含「铸件」`. */
  evidence: string[];
  /** True when the import writes it (options.accept). */
  accepted: boolean;
}

/** Which suggestions to write: all, those of some rows, or some by id. */
export interface AcceptSuggestions {
  all?: boolean;
  rows?: number[];
  ids?: string[];
}

/** Industry code without its section letter (C3391 → 3391), so C339 and 339 match alike. */
export const codeDigits = (code: string) =>
  code
    .normalize('NFKC')
    .toUpperCase()
    .replace(/\s/g, '')
    .replace(/^[A-T]/, '');

/** Strength of an industry-code match by the length of the mapped code: 4-digit class, 3-digit group, 2-digit division. */
const CODE_STRENGTH: Record<number, number> = { 4: 0.9, 3: 0.7, 2: 0.4 };
const KEYWORD_IN_PRODUCTS = 0.8;
const KEYWORD_IN_SCOPE = 0.5;

/**
 * Suggests the segments an enterprise works in (挂链) from its 行业代码 (the
 * mapped code is a prefix of it), 主营产品 and 经营范围 (a mapped keyword occurs
 * in them). Evidence combines as independent signals: 1 − Π(1 − strength).
 * Segments the enterprise already has are not suggested.
 */
export function suggestSegments(
  facts: { industryCode: string | null; mainProducts: string | null; businessScope: string | null },
  mapping: SegmentMapping[],
  already: Set<string>,
): { segmentId: string; segmentName: string; strength: number; evidence: string[] }[] {
  const code = facts.industryCode ? codeDigits(facts.industryCode) : '';
  const out = [];
  for (const m of mapping) {
    if (already.has(m.segmentId)) continue;
    const evidence: string[] = [];
    const strengths: number[] = [];
    const codeMatch = code
      ? m.industryCodes
          .map(codeDigits)
          .filter((c) => c.length >= 2 && code.startsWith(c))
          .sort((a, b) => b.length - a.length)[0]
      : undefined;
    if (codeMatch) {
      evidence.push(`行业代码 ${facts.industryCode} 属于 ${codeMatch}`);
      strengths.push(CODE_STRENGTH[Math.min(codeMatch.length, 4)] ?? 0.9);
    }
    for (const k of m.keywords) {
      if (facts.mainProducts?.includes(k)) {
        evidence.push(`主营产品含「${k}」`);
        strengths.push(KEYWORD_IN_PRODUCTS);
      } else if (facts.businessScope?.includes(k)) {
        evidence.push(`经营范围含「${k}」`);
        strengths.push(KEYWORD_IN_SCOPE);
      }
    }
    if (!strengths.length) continue;
    const strength = Math.round((1 - strengths.reduce((p, s) => p * (1 - s), 1)) * 100) / 100;
    out.push({ segmentId: m.segmentId, segmentName: m.name, strength, evidence });
  }
  return out.sort((a, b) => b.strength - a.strength || a.segmentId.localeCompare(b.segmentId));
}

export function isAccepted(accept: AcceptSuggestions | undefined, row: number, id: string): boolean {
  if (!accept) return false;
  return accept.all === true || (accept.rows ?? []).includes(row) || (accept.ids ?? []).includes(id);
}

/** The mapping table from the segments (SegmentRef carries industryCodes and keywords). */
export function mappingOf(segments: Iterable<SegmentRef>): SegmentMapping[] {
  return [...segments]
    .filter((s) => (s.industryCodes ?? []).length > 0 || (s.keywords ?? []).length > 0)
    .map((s) => ({ segmentId: s.id, name: s.name, industryCodes: s.industryCodes ?? [], keywords: s.keywords ?? [] }));
}
