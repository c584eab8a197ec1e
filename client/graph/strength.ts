/** How strong a segment is locally, for colouring the chain map. */
export type Strength = 'none' | 'weak' | 'medium' | 'strong' | 'unknown';
export const STRENGTHS: readonly Strength[] = ['strong', 'medium', 'weak', 'none', 'unknown'];

/** Local facts about one segment, as gap analysis reports them. */
export interface LocalFacts {
  /** Local enterprises operating in the segment. */
  localCount: number | null | undefined;
  /** Their summed yearly output in 万元. */
  localOutput: number | null | undefined;
  /** The server's verdict (`absent`, `weak`, `strong`), which also weighs supplies bought from outside. */
  presence?: string | null;
}

/**
 * Thresholds mirror the glossary's 强链 test ("one enterprise, small output"):
 * a segment with one local enterprise or under `weakOutput` 万元 is weak; with
 * at least `strongCount` enterprises and `strongOutput` 万元 it is strong.
 */
export interface StrengthThresholds {
  weakOutput: number;
  strongCount: number;
  strongOutput: number;
}

/** `weakOutput` equals the server's gap-analysis default `minOutput` (5 亿元). */
export const DEFAULT_THRESHOLDS: StrengthThresholds = {
  weakOutput: 50_000,
  strongCount: 3,
  strongOutput: 300_000, // 30 亿元
};

/**
 * Classifies a segment. Missing facts give 'unknown' (not analysed), never
 * 'none': "we do not know" must not look like "there is nothing here".
 * A count without an output is judged on the count alone.
 */
export function classifyStrength(facts: LocalFacts | null | undefined, thresholds: StrengthThresholds = DEFAULT_THRESHOLDS): Strength {
  if (!facts || facts.localCount === null || facts.localCount === undefined || !Number.isFinite(facts.localCount)) return 'unknown';
  const count = facts.localCount;
  if (count <= 0 || facts.presence === 'absent') return 'none';
  if (facts.presence === 'weak') return 'weak';
  const output = facts.localOutput;
  const hasOutput = output !== null && output !== undefined && Number.isFinite(output);
  if (count === 1 || (hasOutput && output < thresholds.weakOutput)) return 'weak';
  if (count >= thresholds.strongCount && (!hasOutput || output >= thresholds.strongOutput)) return 'strong';
  return 'medium';
}

/** Fill colours per strength: a sequential blue scale, dark text-safe, with grey for unknown and a pale red for missing. */
export const STRENGTH_COLOURS: Record<Strength, string> = {
  strong: '#0b4f8a',
  medium: '#3a78b5',
  weak: '#8fb3d9',
  none: '#f3d9d9',
  unknown: '#c7ccd1',
};

/** Label colour with readable contrast on each fill. */
export const STRENGTH_TEXT: Record<Strength, string> = {
  strong: '#ffffff',
  medium: '#ffffff',
  weak: '#10253a',
  none: '#5a1414',
  unknown: '#1b1f24',
};
