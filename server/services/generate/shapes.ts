import type { Region } from './skeleton.ts';

/**
 * How a generated graph is shaped: regional mix, segment sizes and the rules
 * that pick a buyer's suppliers. Two shapes exist so that what is measured on
 * generated data (the supplier ranking's evaluation, issue 14) is not tuned to
 * one generator's rules.
 */
export interface GraphShape {
  name: string;
  /** Share of enterprises per region (local = 巢湖市/安巢经开区 and places inside them). */
  regionShare: Record<Region, number>;
  /** Segment sizes follow 1 / rank^zipf over a seeded permutation of the segments. */
  zipf: number;
  /** How a supply picks the supplier's segment: along an incoming FEEDS edge, in the buyer's segment, else anywhere. */
  alongFeeds: number;
  sameSegment: number;
  /** Probability that a supplier is taken from the buyer's own region. */
  sameRegion: number;
  /** Otherwise a region is drawn by its pool's mass × this factor (nearer regions favoured when > 1). */
  regionPull: Record<Region, number>;
  /** A supplier's weight within its pool: output^outputExponent. */
  outputExponent: number;
  /**
   * Probability of copying instead: the supplier of an earlier supply to a buyer in the
   * same segment and region as this buyer (so suppliers popular with similar buyers nearby get more).
   */
  imitate: number;
}

/** The tiers' shape (issue 7): Zipf 0.7 sizes, suppliers weighted by sqrt(output), 40 % from the buyer's region. */
export const PLAN_SHAPE: GraphShape = {
  name: 'plan',
  regionShare: { local: 0.12, anhui: 0.18, yrd: 0.4, other: 0.3 },
  zipf: 0.7,
  alongFeeds: 0.85,
  sameSegment: 0.1,
  sameRegion: 0.4,
  regionPull: { local: 1, anhui: 1, yrd: 1, other: 1 },
  outputExponent: 0.5,
  imitate: 0,
};

/**
 * A differently shaped graph: more local firms and far more from other provinces, a few very
 * large segments, suppliers less often along FEEDS, nearer regions preferred, scale mattering
 * little, and half the supplies copying what similar buyers already buy.
 */
export const CONTRAST_SHAPE: GraphShape = {
  name: 'contrast',
  regionShare: { local: 0.2, anhui: 0.08, yrd: 0.22, other: 0.5 },
  zipf: 1.3,
  alongFeeds: 0.6,
  sameSegment: 0.2,
  sameRegion: 0.15,
  regionPull: { local: 1, anhui: 3, yrd: 1.5, other: 1 },
  outputExponent: 0.2,
  imitate: 0.5,
};

export const SHAPES: Record<string, GraphShape> = { plan: PLAN_SHAPE, contrast: CONTRAST_SHAPE };
