import { GraphQLError, type FieldNode } from 'graphql';

/**
 * Refuses `__schema` and `__type` (like graphql's NoSchemaIntrospectionCustomRule,
 * without its type checks, so it works whichever copy of graphql runs validation).
 */
export const noIntrospection = (context: { reportError(error: GraphQLError): void }) => ({
  Field(node: FieldNode) {
    if (node.name.value === '__schema' || node.name.value === '__type') {
      context.reportError(
        new GraphQLError(`GraphQL introspection has been disabled, but the requested query contained the field "${node.name.value}".`, {
          nodes: node,
          extensions: { code: 'INTROSPECTION_DISABLED' },
        }),
      );
    }
  },
});
