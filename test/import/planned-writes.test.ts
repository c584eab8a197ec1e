import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../server/services/import/import-file.ts';
import { loadSeeds } from '../../server/services/seed/load-seeds.ts';
import { queryRunner, uncheckedRun, type QueryRunner, type Store } from '../../server/store/store.ts';
import { openTestStore } from '../support/test-store.ts';
import { csv, makeUscc, utf8Bom } from './helpers.ts';

/**
 * Issue 17: the planned writes are kept as lists per field, and a streamed kind
 * (enterprises, links) compares a row's writes only with that row's own. A write
 * planned twice must still be written once, whether one row plans it twice or,
 * in a project list, two rows do.
 */
let store: Store;
beforeAll(async () => {
  store = await openTestStore();
  await loadSeeds(store);
});
afterAll(() => store.close());

const links = (id: string) =>
  store.run<{ enterprise: string; segment: string; role: string | null }>('read/import/operates-in').then((rows) => rows.filter((r) => r.enterprise === id));

describe('a write planned twice is written once', () => {
  it('an enterprise row naming one segment twice (by name and by id) gets one OPERATES_IN link, and so does an existing one', async () => {
    const uscc = makeUscc(7101);
    const file = (name: string) =>
      utf8Bom(
        csv([
          ['企业名称', '统一社会信用代码', '所属环节', '所在地区'],
          [name, uscc, '轻合金铸件、seg:alloy-casting', '巢湖市'],
        ]),
      );
    const first = await importFile(store, file('重复环节测试有限公司'), 'a.csv', { kind: 'enterprises', dryRun: false });
    expect(first).toMatchObject({ committed: true, counts: { create: 1, reject: 0 } });
    expect(await links(`ent:${uscc}`)).toEqual([{ enterprise: `ent:${uscc}`, segment: 'seg:alloy-casting', role: 'core' }]);

    // the same segment twice in a row of the links file: the second is a duplicate of the first (rejected)
    const operates = await importFile(
      store,
      utf8Bom(
        csv([
          ['统一社会信用代码', '所属环节', '角色'],
          [uscc, '轻合金铸件、seg:alloy-casting', '配套'],
        ]),
      ),
      'o.csv',
      {
        kind: 'operates',
        dryRun: false,
        skipInvalid: true,
      },
    );
    expect(operates.counts).toMatchObject({ reject: 1 });
    expect(await links(`ent:${uscc}`)).toEqual([{ enterprise: `ent:${uscc}`, segment: 'seg:alloy-casting', role: 'core' }]);
  });

  it('a new enterprise is created with its area and first segment in one statement, the same links as one write each', async () => {
    const uscc = makeUscc(7103);
    const queries: string[] = [];
    const spying = Object.assign(Object.create(store) as Store, {
      transaction: <T>(work: (tx: QueryRunner) => Promise<T>) =>
        store.transaction((tx) =>
          work(
            queryRunner((name, params) => {
              queries.push(name);
              return uncheckedRun(tx)(name, params);
            }),
          ),
        ),
    });
    const file = csv([
      ['企业名称', '统一社会信用代码', '所属环节', '所在地区', '标签'],
      ['一步创建测试有限公司', uscc, '轻合金铸件、seg:auto-parts、seg:alloy-casting', '巢湖市', '链主'],
      ['无环节测试有限公司', makeUscc(7104), '', '巢湖市', ''],
    ]);
    const report = await importFile(spying, utf8Bom(file), 'e.csv', { kind: 'enterprises', dryRun: false });
    expect(report).toMatchObject({ committed: true, counts: { create: 2, reject: 0 } });
    expect(queries.filter((q) => q.startsWith('write/'))).toEqual([
      'write/import/enterprise-create-located',
      'write/import/enterprise-create-located-operating',
      'write/import/operates-in-create',
    ]);
    const mine = (await links(`ent:${uscc}`)).sort((a, b) => a.segment.localeCompare(b.segment));
    expect(mine).toEqual([
      { enterprise: `ent:${uscc}`, segment: 'seg:alloy-casting', role: 'leader' },
      { enterprise: `ent:${uscc}`, segment: 'seg:auto-parts', role: 'leader' },
    ]);
    const [e] = (await store.run<{ id: string; areaIds: string[]; name: string }>('read/import/enterprises')).filter((x) => x.id === `ent:${uscc}`);
    expect(e).toMatchObject({ name: '一步创建测试有限公司', areaIds: ['area:chaohu'] });
    // every link of the row as one write each would have made it: role, origin 'import', nothing else
    const rels = (
      await store.run<{ type: string; start: string; end: string; properties: Record<string, unknown> }>('read/dump/relationships', { exclude: [] })
    )
      .filter((r) => r.start === `ent:${uscc}`)
      .map(({ type, end, properties }) => ({ type, end, properties }))
      .sort((a, b) => `${a.type}${a.end}`.localeCompare(`${b.type}${b.end}`));
    expect(rels).toEqual([
      { type: 'LOCATED_IN', end: 'area:chaohu', properties: {} },
      { type: 'OPERATES_IN', end: 'seg:alloy-casting', properties: { role: 'leader', origin: 'import' } },
      { type: 'OPERATES_IN', end: 'seg:auto-parts', properties: { role: 'leader', origin: 'import' } },
    ]);
  });

  it('two project rows with one new investor create that enterprise once', async () => {
    const uscc = makeUscc(7102);
    const head = ['项目名称', '投资方', '投资方统一社会信用代码', '所在地区', '阶段'];
    const report = await importFile(
      store,
      utf8Bom(
        csv([
          head,
          ['同一投资方项目甲', '同一投资方测试有限公司', uscc, '巢湖市', '线索'],
          ['同一投资方项目乙', '同一投资方测试有限公司', uscc, '巢湖市', '线索'],
        ]),
      ),
      'p.csv',
      { kind: 'projects', dryRun: false },
    );
    expect(report).toMatchObject({ committed: true, counts: { create: 2, reject: 0 } });
    const enterprises = await store.run<{ id: string }>('read/import/enterprises');
    expect(enterprises.filter((e) => e.id === `ent:${uscc}`)).toHaveLength(1);
  });
});
