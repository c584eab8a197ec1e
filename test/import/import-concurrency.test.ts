import { describe, expect, it } from 'vitest';
import { importFile } from '../../server/services/import/import-file.ts';
import { queryRunner, uncheckedRun, type Params, type QueryRunner, type Store } from '../../server/store/store.ts';
import { auditEntry } from '../support/audit-entry.ts';
import { csv, makeUscc, openDumpStore, utf8Bom } from './helpers.ts';

/** Issue 18 finding 6: an import held the single write queue while it read and planned, and short writes waited for all of it. */
const ROWS = 5000;

function file(prefix: string, from: number): Buffer {
  const rows: (string | number)[][] = [['企业名称', '统一社会信用代码', '所属环节', '所在地区', '产值（万元）']];
  for (let i = 0; i < ROWS; i++) rows.push([`${prefix}${i}有限公司`, makeUscc(from + i), '铸件', '巢湖市', i + 0.5]);
  return utf8Bom(csv(rows));
}

/** The store, calling `onQuery` with the name of every query run through it or its transactions. */
function watched(store: Store, onQuery: (name: string) => void): Store {
  const spy = (runner: QueryRunner): QueryRunner =>
    queryRunner(<T>(name: string, params?: Params) => {
      onQuery(name);
      return uncheckedRun(runner)<T>(name, params);
    });
  const wrapped = Object.create(store) as Store;
  return Object.assign(wrapped, {
    run: spy(store).run,
    transaction: <T>(work: (tx: QueryRunner) => Promise<T>) => store.transaction((tx) => work(spy(tx))),
  });
}

describe('writes during an import', () => {
  it('a short write made while the import reads and plans is committed before the import, not after it', async () => {
    const store = await openDumpStore();
    try {
      const events: string[] = [];
      let shortWrite: Promise<unknown> | undefined;
      const store2 = watched(store, (name) => {
        // The import has started checking its rows against the graph: an editor saves something now.
        if (name.startsWith('read/import/') && !shortWrite) {
          shortWrite = store.run('write/audit/record', auditEntry('short write')).then(() => events.push('short write committed'));
        }
      });
      const report = await importFile(store2, file('并发测试企业', 50_000), 'big.csv', { kind: 'enterprises', dryRun: false }).then((r) => {
        events.push('import committed');
        return r;
      });
      await shortWrite;
      expect(report).toMatchObject({ committed: true, counts: { create: ROWS, reject: 0 } });
      expect(events).toEqual(['short write committed', 'import committed']);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('a write that lands while the import plans is seen: the import plans again inside its transaction', async () => {
    const store = await openDumpStore();
    try {
      const uscc = makeUscc(70_000);
      let raced = false;
      const store2 = watched(store, (name) => {
        if (name.startsWith('read/import/') && !raced) {
          raced = true;
          // Another editor creates the same enterprise (by its 统一社会信用代码) while the import plans.
          void store.run('write/import/enterprise-create', {
            columns: { id: [`ent:${uscc}`], name: ['并发测试企业0有限公司'], uscc: [uscc], origin: ['user'] },
          });
        }
      });
      const small = utf8Bom(
        csv([
          ['企业名称', '统一社会信用代码', '所属环节', '所在地区'],
          ['并发测试企业0有限公司', uscc, '铸件', '巢湖市'],
        ]),
      );
      const report = await importFile(store2, small, 'one.csv', { kind: 'enterprises', dryRun: false });
      // Planned again after the other write: an update of the enterprise that now exists, not a second create.
      expect(report.counts).toMatchObject({ create: 0, update: 1 });
      const rows = await store.run<{ id: string }>('read/import/enterprises');
      expect(rows.filter((r) => r.id === `ent:${uscc}`)).toHaveLength(1);
    } finally {
      await store.close();
    }
  }, 60_000);
});
