import { describe, expect, it } from 'vitest';
import { dumpLines } from '../../server/services/dump/dump.ts';
import { readDump } from '../../server/services/dump/dump-pages.ts';
import { importFile } from '../../server/services/import/import-file.ts';
import type { ImportKind } from '../../server/services/import/types.ts';
import type { Store } from '../../server/store/store.ts';
import { csv, makeUscc, openDumpStore, utf8Bom } from './helpers.ts';

/**
 * Issue 17: imports CREATE what is new and SET what changed (no MERGE). Importing
 * in two steps (creates, then updates, relocations, new links and changed roles
 * and shares) must leave the same store as importing the final state at once
 * (creates only), and importing the final state again must change nothing.
 */
const ENT = ['企业名称', '统一社会信用代码', '简称', '所属环节', '角色', '所在地区', '产值（万元）', '规上', '标签', '成立年份'];
const SUP = ['供应方', '采购方', '产品', '占比'];
const OPS = ['企业名称', '所属环节', '角色'];

const a = ['巢湖甲铸造有限公司', makeUscc(501), '甲铸造', '铸件', '', '巢湖市', '3000', '是', '高新技术', '2010'];
const b1 = ['苏州乙锻造有限公司', makeUscc(502), '', '锻件', '', '苏州市', '800', '否', '', '2015'];
const b2 = ['苏州乙锻造有限公司', makeUscc(502), '乙锻造', '锻件', '链主', '合肥市', '2500', '是', '专精特新', '2015'];
const c = ['合肥丙材料有限公司', '', '', '高性能轻合金材料', '', '合肥市', '1200', '是', '', '2001'];
const d = ['安巢丁零部件有限公司', makeUscc(504), '', '汽车零部件', '', '安巢经开区', '', '', '', ''];

async function run(store: Store, kind: ImportKind, rows: string[][]) {
  const report = await importFile(store, utf8Bom(csv(rows)), `${kind}.csv`, { kind, dryRun: false });
  expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  expect(report.committed).toBe(true);
  return report.counts;
}

const dumpText = async (store: Store) => [...dumpLines(await readDump(store))].sort().join('\n');

describe('import write paths (CREATE new, SET changed)', () => {
  it('two imports (create, then update) leave the same store as one import of the final state', async () => {
    const stepwise = await openDumpStore();
    const atOnce = await openDumpStore();
    try {
      expect(await run(stepwise, 'enterprises', [ENT, a, b1, c])).toMatchObject({ create: 3 });
      expect(await run(stepwise, 'supplies', [SUP, [a[0]!, c[0]!, '铸件', '0.2'], [c[0]!, b1[0]!, '', '0.1']])).toMatchObject({ create: 2 });
      // b: new short name, role, area, output, tags; d: new; a: a second segment by the operates import; shares change
      expect(await run(stepwise, 'enterprises', [ENT, b2, d])).toMatchObject({ create: 1, update: 1 });
      expect(await run(stepwise, 'operates', [OPS, [a[0]!, '锻件', '核心'], [b2[0]!, '锻件', '配套']])).toMatchObject({ create: 1, update: 1 });
      expect(await run(stepwise, 'supplies', [SUP, [a[0]!, c[0]!, '铸件', '0.35'], [d[0]!, a[0]!, '零件', '0.5']])).toMatchObject({ create: 1, update: 1 });

      expect(await run(atOnce, 'enterprises', [ENT, a, b2, c, d])).toMatchObject({ create: 4 });
      expect(await run(atOnce, 'operates', [OPS, [a[0]!, '锻件', '核心'], [b2[0]!, '锻件', '配套']])).toMatchObject({ create: 1, update: 1 });
      expect(await run(atOnce, 'supplies', [SUP, [a[0]!, c[0]!, '铸件', '0.35'], [c[0]!, b1[0]!, '', '0.1'], [d[0]!, a[0]!, '零件', '0.5']])).toMatchObject({
        create: 3,
      });

      const text = await dumpText(atOnce);
      expect(await dumpText(stepwise)).toBe(text);
      expect(text).toContain('"relType":"LOCATED_IN","startLabel":"Enterprise","start":"ent:' + makeUscc(502) + '","endLabel":"Area","end":"area:hefei"');
      expect(text).not.toContain('"start":"ent:' + makeUscc(502) + '","endLabel":"Area","end":"area:suzhou"');

      // the final state again (b's role was changed by the operates import since: its cell left empty): nothing to write
      const b3 = b2.map((cell, i) => (ENT[i] === '角色' ? '' : cell));
      const again = await importFile(atOnce, utf8Bom(csv([ENT, a, b3, c, d])), 'again.csv', { kind: 'enterprises', dryRun: false });
      expect(again.counts).toMatchObject({ unchanged: 4, create: 0, update: 0 });
      expect(await dumpText(atOnce)).toBe(text);
    } finally {
      await stepwise.close();
      await atOnce.close();
    }
  });

  it('writes search names with every new chain and segment, so the server need not backfill them at start', async () => {
    const store = await openDumpStore();
    try {
      await run(store, 'segments', [
        ['产业链', '环节', '阶段'],
        ['智能（家电）产业链', '家电整机', '下游'],
      ]);
      const nodes = (await readDump(store)).nodes.filter((n) => n.properties.origin === 'import');
      expect(nodes.map((n) => [n.labels[0], n.properties.searchName])).toEqual([
        ['Chain', '智能家电产业链'],
        ['Segment', '家电整机'],
      ]);
    } finally {
      await store.close();
    }
  });
});
