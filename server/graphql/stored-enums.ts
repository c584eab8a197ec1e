import { DUTY_SOURCES, GAP_KINDS, GAP_ORIGINS, GAP_STATUSES, PROJECT_ELEMENTS, PROJECT_STAGES, UNIT_DUTY_ROLES } from '../model/vocabulary.ts';
import { TARGET_COUNTS } from '../services/targets/target-types.ts';
import { IMPORT_ACTIONS, IMPORT_KINDS } from '../services/import/types.ts';

/** The GraphQL enum of stored values: each value's name is the value upper-cased (in_progress → IN_PROGRESS). */
export type GraphQLEnumOf<V extends string> = { [K in V as Uppercase<K>]: K };

export function graphqlEnumOf<const V extends string>(values: readonly V[]): GraphQLEnumOf<V> {
  return Object.fromEntries(values.map((v) => [v.toUpperCase(), v])) as GraphQLEnumOf<V>;
}

/**
 * GraphQL enums whose values are stored in lower case. The one table both the
 * resolvers (runtime mapping) and codegen.ts (`enumValues`: the resolver types
 * see the stored values) read, so the two cannot drift.
 */
export const STORED_ENUMS = {
  GapKind: graphqlEnumOf(GAP_KINDS),
  GapStatus: graphqlEnumOf(GAP_STATUSES),
  GapOrigin: graphqlEnumOf(GAP_ORIGINS),
  UnitDutyRole: graphqlEnumOf(UNIT_DUTY_ROLES),
  DutySource: graphqlEnumOf(DUTY_SOURCES),
  ImportKind: graphqlEnumOf(IMPORT_KINDS),
  ImportAction: graphqlEnumOf(IMPORT_ACTIONS),
  ProjectStage: graphqlEnumOf(PROJECT_STAGES),
  ProjectElement: graphqlEnumOf(PROJECT_ELEMENTS),
  TargetCounts: graphqlEnumOf(TARGET_COUNTS),
};
