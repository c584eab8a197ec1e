import { isEnumType } from 'graphql';
import { createSchema } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { STORED_ENUMS } from '../../server/graphql/stored-enums.ts';
import { readTypeDefs } from '../../server/graphql/yoga.ts';

// The resolvers' runtime enum maps and the codegen `enumValues` both come from STORED_ENUMS; this keeps
// that table and the schema's enums the same set of values (a value only in one would answer INTERNAL).
describe('STORED_ENUMS', () => {
  const schema = createSchema({ typeDefs: readTypeDefs() });
  for (const [name, values] of Object.entries(STORED_ENUMS)) {
    it(`${name} maps exactly the schema's values`, () => {
      const type = schema.getType(name);
      expect(isEnumType(type)).toBe(true);
      if (!isEnumType(type)) return;
      expect(Object.keys(values).sort()).toEqual(
        type
          .getValues()
          .map((v) => v.name)
          .sort(),
      );
    });
  }
});
