import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// CONTRIBUTING.md's layer rules, as eslint.config.js encodes them: each case is an import that
// breaks a rule, linted as if it were a file of that layer.
const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('layer rules (eslint.config.js)', () => {
  it('services never import a database driver or a store implementation', async () => {
    expect(await restricted('server/services/gaps/x.ts', "import x from 'neo4j-driver';")).toHaveLength(1);
    expect(await restricted('server/services/gaps/x.ts', "import { x } from '@grafeo-db/js';")).toHaveLength(1);
    expect(await restricted('server/services/gaps/x.ts', "import { EmbeddedStore as x } from '../../store/embedded-store.ts';")).toHaveLength(1);
    expect(await restricted('server/services/gaps/x.ts', "import { x } from '../../graphql/yoga.ts';")).toHaveLength(1);
  });

  it('services may use the Store interface and types from anywhere', async () => {
    expect(await restricted('server/services/gaps/x.ts', "import type { Store as x } from '../../store/store.ts';")).toEqual([]);
    expect(await restricted('server/services/gaps/x.ts', "import type { EmbeddedStore as x } from '../../store/embedded-store.ts';")).toEqual([]);
  });

  it('resolvers call services, not the store', async () => {
    expect(await restricted('server/graphql/resolvers/x.ts', "import { EmbeddedStore as x } from '../../store/embedded-store.ts';")).toHaveLength(1);
    expect(await restricted('server/graphql/resolvers/x.ts', "import x from 'neo4j-driver';")).toHaveLength(1);
    expect(await restricted('server/graphql/resolvers/x.ts', "import { gapAnalysis as x } from '../../services/gaps/gap-analysis.ts';")).toEqual([]);
  });

  it('the store is the bottom layer', async () => {
    expect(await restricted('server/store/x.ts', "import { gapAnalysis as x } from '../services/gaps/gap-analysis.ts';")).toHaveLength(1);
    expect(await restricted('server/store/x.ts', "import x from 'neo4j-driver';")).toEqual([]);
  });

  it('the client never imports server code', async () => {
    expect(await restricted('client/ui/x.ts', "import { GAP_KINDS as x } from '../../server/model/vocabulary.ts';")).toHaveLength(1);
    expect(await restricted('client/ui/x.ts', "import type { Store as x } from '../../server/store/store.ts';")).toHaveLength(1);
  });
});
