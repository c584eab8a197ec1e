import type { Region } from './skeleton.ts';

/**
 * How a generated graph is shaped: regional mix, segment sizes and the rules
 * that pick a buyer's suppliers. The rules follow mechanisms documented for
 * real supply networks (docs/ranking.md, "How the generators pick suppliers"):
 * input–output linkage (suppliers come from the segments that FEED the
 * buyer's), distance decay (nearer suppliers are likelier), size, and search
 * through the network (a buyer takes a supplier that buyers like it already
 * use). Two shapes mix them differently, so that what is measured on generated
 * data (the supplier ranking's evaluation, issue 14) is not tuned to one generator.
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
  /** Probability that a newly found supplier is taken from the buyer's own region. */
  sameRegion: number;
  /**
   * Otherwise a region is drawn by its pool's mass × distanceDecay^steps, steps between the buyer's region
   * and the supplier's (local–安徽 1, local–长三角 2, local–other 3, 安徽–长三角 1, …; REGION_STEPS).
   */
  distanceDecay: number;
  /** A newly found supplier's weight within its pool: output^outputExponent. */
  outputExponent: number;
  /**
   * Probability that, for the segment drawn, the buyer takes a supplier that similar buyers already
   * buy that segment from (picked ∝ how many of them do), when there is one: search through
   * existing contacts instead of a new search.
   */
  share: number;
  /** Who is a similar buyer: in the same area ('area'), or in the same segment and region ('segmentRegion'). */
  shareAmong: 'area' | 'segmentRegion';
}

/**
 * The tiers' shape (issue 7 sizes): Zipf 0.7 segments, suppliers ∝ sqrt(output), 40 % from the buyer's
 * region and strong distance decay; 85 % of supplies taken from what other buyers in the same area (any
 * segment) buy in that segment (place-based input sharing).
 */
export const PLAN_SHAPE: GraphShape = {
  name: 'plan',
  regionShare: { local: 0.12, anhui: 0.18, yrd: 0.4, other: 0.3 },
  zipf: 0.7,
  alongFeeds: 0.85,
  sameSegment: 0.1,
  sameRegion: 0.4,
  distanceDecay: 0.35,
  outputExponent: 0.5,
  share: 0.85,
  shareAmong: 'area',
};

/**
 * A differently shaped graph: more local firms and far more from other provinces, a few very large
 * segments, suppliers less often along FEEDS, weak distance decay, scale mattering little, and 75 % of
 * supplies taken from what buyers of the same segment in the same region buy (an industry's regional
 * supplier base), not from the buyer's neighbours.
 */
export const CONTRAST_SHAPE: GraphShape = {
  name: 'contrast',
  regionShare: { local: 0.2, anhui: 0.08, yrd: 0.22, other: 0.5 },
  zipf: 1.3,
  alongFeeds: 0.6,
  sameSegment: 0.2,
  sameRegion: 0.15,
  distanceDecay: 0.7,
  outputExponent: 0.2,
  share: 0.75,
  shareAmong: 'segmentRegion',
};

export const SHAPES: Record<string, GraphShape> = { plan: PLAN_SHAPE, contrast: CONTRAST_SHAPE };
