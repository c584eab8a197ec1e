import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IMPORT_MUTATION } from '../../client/api.ts';
import { DISABLED_AUTH } from '../../server/auth/auth-options.ts';
import { createGraphQLServer } from '../../server/graphql/yoga.ts';
import { importFile } from '../../server/services/import/import-file.ts';
import { EmbeddedStore } from '../../server/store/embedded-store.ts';
import { csv } from '../import/helpers.ts';
import { qingheFiles } from './qinghe-fixture.ts';

/** The import dialog's own mutation (client/api.ts), under the server's cost limits, with 挂链 suggestions accepted by id. */
let store: EmbeddedStore;
let yoga: ReturnType<typeof createGraphQLServer>;
beforeEach(async () => {
  store = EmbeddedStore.open(':memory:');
  await store.applySchema();
  const files = qingheFiles({ locals: 0, outsiders: 0 });
  for (const [kind, bytes] of [
    ['areas', files.areas],
    ['segments', files.alloySegments],
  ] as const)
    await importFile(store, bytes, 'x.csv', { kind, dryRun: false });
  await importFile(
    store,
    Buffer.from(
      csv([
        ['环节', '行业代码', '关键词'],
        ['铸件、锻件', 'C339', '铸件'],
      ]),
    ),
    'm.csv',
    { kind: 'mapping', dryRun: false },
  );
  yoga = createGraphQLServer({ store, graphiql: false, auth: DISABLED_AUTH });
});
afterEach(() => store.close());

function upload(variables: Record<string, unknown>, bytes: Buffer): Request {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: IMPORT_MUTATION.toString(), variables: { ...variables, file: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', new File([new Uint8Array(bytes)], 'e.csv', { type: 'text/csv' }));
  return new Request('http://localhost/graphql', { method: 'POST', body: form, headers: { 'graphql-require-preflight': '1' } });
}

describe('the import dialog mutation', () => {
  it('reports inferred places and 挂链 suggestions, and writes the ticked ones', async () => {
    const rows = [['企业名称', '行业代码', '主营产品'], ...Array.from({ length: 120 }, (_, i) => [`白沙压铸第${i + 1}有限公司`, 'C3391', '压铸件'])];
    const bytes = Buffer.from(csv(rows));
    const dry = await (await yoga.fetch(upload({ kind: 'ENTERPRISES', dryRun: true, options: { skipInvalid: false, unit: 'WAN_YUAN' } }, bytes))).json();
    expect(dry.errors).toBeUndefined();
    const r = dry.data.importFile;
    expect(r.suggestions).toHaveLength(40);
    expect(r.items[0].inferred).toContain('所在地区=白沙镇（据企业名称含「白沙」）');
    const ids = [r.suggestions[0].id, r.suggestions[2].id];
    const done = await (
      await yoga.fetch(upload({ kind: 'ENTERPRISES', dryRun: false, options: { skipInvalid: false, unit: 'WAN_YUAN', accept: { ids } } }, bytes))
    ).json();
    expect(done.errors).toBeUndefined();
    expect(done.data.importFile.committed).toBe(true);
    expect((await store.run('read/import/operates-in')).length).toBe(2);
  });
});
