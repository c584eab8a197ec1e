/**
 * The gap kinds (补链、延链、强链): one table for the names, the order they are
 * shown in, and the deterministic gap id. Adding a kind starts here; the
 * compiler then points at every Record<GapKind, …> and switch that must learn
 * it, and at GAP_RULES (server/services/gaps/classify-gaps.ts), the ordered
 * rules that detect each kind (CONTRIBUTING.md, "Add a gap kind").
 */
export const GAP_KIND_TABLE = [
  { kind: 'fill', zh: '补链', en: 'fill', order: 0 },
  { kind: 'extend', zh: '延链', en: 'extend', order: 2 },
  { kind: 'strengthen', zh: '强链', en: 'strengthen', order: 1 },
] as const;

export type GapKind = (typeof GAP_KIND_TABLE)[number]['kind'];
/** Stored values, in table order (validation messages list them so). */
export const GAP_KINDS: readonly GapKind[] = GAP_KIND_TABLE.map((k) => k.kind);

const BY_KIND = new Map<string, (typeof GAP_KIND_TABLE)[number]>(GAP_KIND_TABLE.map((k) => [k.kind, k]));

/** Chinese name of a kind (补链 …); an unknown value is returned as it is. */
export const gapKindZh = (kind: string): string => BY_KIND.get(kind)?.zh ?? kind;

/** The id a gap of this kind, segment and area scope has, detected or saved: `gap:<kind>:<segmentId>:<areaId|all>`. */
export const gapId = (kind: GapKind, segmentId: string, areaId: string | null) => `gap:${kind}:${segmentId}:${areaId ?? 'all'}`;

// Segment and area ids hold colons themselves (seg:import:轻合金:4, area:import:白沙镇): the area is `all` or the
// first `area:` id that ends the text.
const GAP_ID = new RegExp(`^gap:(${GAP_KINDS.join('|')}):(.+?):(area:.+|all)$`);

/** The parts of a gap id, or null when the text is not one. */
export function parseGapId(id: string): { kind: GapKind; segmentId: string; areaId: string | null } | null {
  const m = GAP_ID.exec(id);
  return m ? { kind: m[1] as GapKind, segmentId: m[2]!, areaId: m[3] === 'all' ? null : m[3]! } : null;
}
