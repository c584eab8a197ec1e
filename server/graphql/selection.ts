import { collectSubFields } from '@graphql-tools/utils';
import { getNamedType, isObjectType, type FieldNode, type GraphQLResolveInfo } from 'graphql';

/**
 * Whether the query asks, below the field being resolved, for the field at
 * `path` (e.g. `['nodes', 'properties']`), through aliases, fragments and
 * @include/@skip. Lets a resolver tell its service what it may leave out.
 */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  let type = getNamedType(info.returnType);
  let fieldNodes: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) {
    if (!isObjectType(type)) return false;
    const { fields } = collectSubFields(info.schema, info.fragments, info.variableValues, type, [...fieldNodes]);
    const found = [...fields.values()].flat().filter((node) => node.name.value === name);
    const field = type.getFields()[name];
    if (found.length === 0 || !field) return false;
    type = getNamedType(field.type);
    fieldNodes = found;
  }
  return true;
}
