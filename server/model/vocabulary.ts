/**
 * The allow-list of node labels and relationship types. Cypher cannot take a
 * label or type as a parameter, so any label or type that reaches a query from
 * outside (a filter, an import) must be one of these.
 */
export const NODE_LABELS = [
  'Area',
  'Park',
  'Chain',
  'Segment',
  'Enterprise',
  'Unit',
  'Action',
  'Task',
  'Gap',
  'Target',
  'Progress',
  'Baseline',
  'Project',
  'ProjectEvent',
  'User',
  'ApiToken',
  'Session',
  'AuditEntry',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const RELATIONSHIP_TYPES = [
  'PART_OF',
  'IN_AREA',
  'HAS_SEGMENT',
  'FEEDS',
  'LOCATED_IN',
  'IN_PARK',
  'OPERATES_IN',
  'SUPPLIES',
  'HAS_TASK',
  'DEVELOPS',
  'LEADS',
  'SUPPORTS',
  'BELONGS_TO',
  'AT',
  'IN_CHAIN',
  'FOR_AREA',
  'FROM_TASK',
  'RESPONSIBLE_FOR',
  'MEASURES',
  'RECORDS',
  'BASELINE_OF',
  'INVESTS_IN',
  'FILLS',
  'LOOKS_AFTER',
  'PROMOTES',
  'EVENT_OF',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/**
 * Labels of security records (server/auth, server/audit): they hold password
 * and token hashes, so they are never valid as a label from outside.
 */
export const PRIVATE_LABELS: readonly NodeLabel[] = ['User', 'ApiToken', 'Session', 'AuditEntry'];

export function isNodeLabel(value: string): value is NodeLabel {
  return (NODE_LABELS as readonly string[]).includes(value) && !PRIVATE_LABELS.includes(value as NodeLabel);
}

export function isRelationshipType(value: string): value is RelationshipType {
  return (RELATIONSHIP_TYPES as readonly string[]).includes(value);
}

// Gap kinds have their own table (names, order, ids): server/model/gap-kinds.ts.
export { GAP_KINDS, type GapKind } from './gap-kinds.ts';
export const GAP_STATUSES = ['open', 'in_progress', 'filled', 'dismissed'] as const;
export type GapStatus = (typeof GAP_STATUSES)[number];
export const SEGMENT_STAGES = ['upstream', 'midstream', 'downstream'] as const;
export const ENTERPRISE_ROLES = ['leader', 'core', 'supplier'] as const;
export const REGIONS = ['local', 'anhui', 'yrd', 'other'] as const;
export const GAP_ORIGINS = ['plan', 'analysis', 'user'] as const;
export type GapOrigin = (typeof GAP_ORIGINS)[number];
/** 责任单位 (lead) or 配合单位 (support). */
export const UNIT_DUTY_ROLES = ['lead', 'support'] as const;
export type UnitDutyRole = (typeof UNIT_DUTY_ROLES)[number];
/** Where a unit's duty comes from: a plan task's LEADS/SUPPORTS, or RESPONSIBLE_FOR on a saved gap. */
export const DUTY_SOURCES = ['task', 'gap'] as const;
export type DutySource = (typeof DUTY_SOURCES)[number];

/** 招商项目 stages in order; `dropped` (终止) can follow any of them. */
export const PROJECT_STAGES = ['lead', 'negotiating', 'signed', 'started', 'producing', 'dropped'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];
/** The "1+5" 招商模式 (task 2): 制造基地 + 研发中心、销售中心、上市主体、供应商集群企业、配套产业基金. */
export const PROJECT_ELEMENTS = ['base', 'rnd', 'sales', 'listed', 'suppliers', 'fund'] as const;
export type ProjectElement = (typeof PROJECT_ELEMENTS)[number];
