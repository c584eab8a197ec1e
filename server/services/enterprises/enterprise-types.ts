/** Tags an enterprise may carry (Enterprise.tags). */
export const ENTERPRISE_TAGS = ['高新技术', '专精特新', '小巨人', '链主', '战新'] as const;

export interface AreaRef {
  id: string;
  name: string;
  nameEn: string | null;
  level: string | null;
  local: boolean | null;
}

/** A segment the enterprise operates in, with its role and the chains the segment belongs to. */
export interface EnterpriseSegment {
  role: string | null;
  id: string;
  name: string;
  nameEn: string | null;
  stage: string | null;
  chainIds: string[];
}

/** The other side of a SUPPLIES relationship. */
export interface SupplyLink {
  id: string;
  name: string;
  shortName: string | null;
  local: boolean | null;
  region: string | null;
  product: string | null;
  share: number | null;
}

/**
 * The stored fields of an Enterprise node, as the profile, the import (to
 * compare rows with) and the export read them. Unknown values are null.
 */
export interface EnterpriseRecord {
  id: string;
  name: string;
  shortName: string | null;
  uscc: string | null;
  local: boolean | null;
  region: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  /** GB/T 4754 国民经济行业分类 code as the register gives it (e.g. C3392). */
  industryCode: string | null;
  /** 经营范围 and 主营产品, as imported: the raw material of 挂链. */
  businessScope: string | null;
  mainProducts: string | null;
  /** 万元 per year; null when unknown (never 0 for unknown). */
  output: number | null;
  aboveScale: boolean | null;
  tags: string[] | null;
  founded: number | null;
}

export interface EnterpriseProfile extends Omit<EnterpriseRecord, 'founded'> {
  founded: string | number | null;
  origin: string | null;
  sample: boolean | null;
  areas: AreaRef[];
  segments: EnterpriseSegment[];
  suppliers: SupplyLink[];
  customers: SupplyLink[];
}

/** Fields a client may set on an enterprise; `undefined` leaves a field alone, `null` clears it (on update). */
export interface EnterpriseInput {
  name?: string | null;
  shortName?: string | null;
  uscc?: string | null;
  areaId?: string | null;
  local?: boolean | null;
  region?: string | null;
  province?: string | null;
  city?: string | null;
  output?: number | null;
  aboveScale?: boolean | null;
  tags?: string[] | null;
  founded?: string | null;
}

export interface EnterpriseFilter {
  /** Enterprises located in this area or an area PART_OF it. */
  areaId?: string | null;
  segmentId?: string | null;
  chainId?: string | null;
  local?: boolean | null;
  /** At least one of these tags. */
  tags?: string[] | null;
  region?: string | null;
  aboveScale?: boolean | null;
  /** Part of the name or short name (normalised like search). */
  nameContains?: string | null;
}

export interface EnterpriseConnection {
  items: EnterpriseProfile[];
  /** Counted only when asked for (GraphQL calls it), once per write, in the heavy-read bounds. */
  totalCount: () => Promise<number>;
  hasNextPage: boolean;
  /** Pass as `after` to get the next page; null on an empty page. */
  endCursor: string | null;
}
