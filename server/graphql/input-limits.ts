import {
  GraphQLError,
  TypeInfo,
  getArgumentValues,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
  type DirectiveNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Text without a @maxLength: the longest any argument takes (no name, note or id needs more). */
export const DEFAULT_MAX_LENGTH = 2000;
/** Numbers without a @range: finite and at most this in size (1e308 is not an amount of anything). */
export const DEFAULT_MAX_MAGNITUDE = 1e15;

interface Limits {
  maxLength?: number;
  min?: number;
  max?: number;
}

function limitsOf(directives: readonly DirectiveNode[] | undefined): Limits {
  const out: Limits = {};
  for (const d of directives ?? []) {
    const args = Object.fromEntries((d.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value) as number]));
    if (d.name.value === 'maxLength') out.maxLength = args.chars;
    if (d.name.value === 'range') Object.assign(out, { min: args.min ?? undefined, max: args.max ?? undefined });
  }
  return out;
}

const n = (x: number) => x.toLocaleString('en');

/** The first value beyond its limits, as a message naming the field path; null when all hold. */
function check(value: unknown, type: GraphQLInputType, limits: Limits, field: string): string | null {
  if (value === null || value === undefined) return null;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (!Array.isArray(value)) return check(value, nullable.ofType, limits, field);
    for (let i = 0; i < value.length; i++) {
      const problem = check(value[i], nullable.ofType, limits, `${field}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (isInputObjectType(nullable)) {
    for (const [name, def] of Object.entries(nullable.getFields())) {
      const problem = check((value as Record<string, unknown>)[name], def.type, limitsOf(def.astNode?.directives), `${field}.${name}`);
      if (problem) return problem;
    }
    return null;
  }
  const scalar = getNamedType(nullable);
  if (!isScalarType(scalar)) return null;
  if (typeof value === 'string' && (scalar.name === 'String' || scalar.name === 'ID')) {
    const max = limits.maxLength ?? DEFAULT_MAX_LENGTH;
    return value.length > max ? `${field}: at most ${n(max)} characters (got ${n(value.length)})` : null;
  }
  if (typeof value === 'number' && scalar.name === 'Float') {
    if (!Number.isFinite(value)) return `${field}: must be a finite number`;
    if (limits.min !== undefined && value < limits.min) return `${field}: at least ${n(limits.min)} (got ${value})`;
    const max = limits.max ?? DEFAULT_MAX_MAGNITUDE;
    if (value > max) return `${field}: at most ${n(max)} (got ${value})`;
    if (limits.min === undefined && value < -DEFAULT_MAX_MAGNITUDE) return `${field}: at least ${n(-DEFAULT_MAX_MAGNITUDE)} (got ${value})`;
  }
  return null;
}

type FieldWithArgs = { def: GraphQLField<unknown, unknown>; node: FieldNode };

/** Per schema and document (yoga keeps one parsed document per query text), its fields that take arguments: found once, checked per request. */
const fieldsWithArgs = new WeakMap<GraphQLSchema, WeakMap<object, FieldWithArgs[]>>();

function argumentFields(schema: GraphQLSchema, document: Parameters<typeof visit>[0]): FieldWithArgs[] {
  let bySchema = fieldsWithArgs.get(schema);
  if (!bySchema) fieldsWithArgs.set(schema, (bySchema = new WeakMap()));
  let fields = bySchema.get(document);
  if (fields) return fields;
  fields = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const def = typeInfo.getFieldDef();
        if (def && def.args.length > 0) fields!.push({ def, node });
      },
    }),
  );
  bySchema.set(document, fields);
  return fields;
}

/** The first argument of the operation (any field, any depth) beyond its schema limits. */
export function findLimitViolation(
  schema: GraphQLSchema,
  document: Parameters<typeof visit>[0],
  variables: Record<string, unknown> | undefined,
): { message: string; field: string } | null {
  for (const { def, node } of argumentFields(schema, document)) {
    let values: Record<string, unknown>;
    try {
      values = getArgumentValues(def, node, variables ?? {});
    } catch {
      continue; // graphql-js reports coercion errors itself
    }
    for (const arg of def.args) {
      const message = check(values[arg.name], arg.type, limitsOf(arg.astNode?.directives), arg.name);
      // Named as the services name fields: `output`, not `input.output`.
      if (message) return { message: `${def.name}(${message})`, field: message.slice(0, message.indexOf(':')).replace(/^input\./, '') };
    }
  }
  return null;
}

/**
 * Refuses an operation whose arguments break the schema's @maxLength / @range
 * (or the defaults) before any resolver runs, naming the field; the value is
 * never echoed back.
 */
export function inputLimitsPlugin(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const violation = findLimitViolation(args.schema, args.document, args.variableValues ?? undefined);
      if (violation) {
        setResultAndStopExecution({ errors: [new GraphQLError(violation.message, { extensions: { code: 'BAD_USER_INPUT', field: violation.field } })] });
      }
    },
  };
}
