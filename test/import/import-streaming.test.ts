import { writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { dumpLines } from '../../server/services/dump/dump.ts';
import { readDump } from '../../server/services/dump/dump-pages.ts';
import { importFile } from '../../server/services/import/import-file.ts';
import { CHUNK_ROWS, decodeCsv, readTable } from '../../server/services/import/read-table.ts';
import type { ImportReport } from '../../server/services/import/types.ts';
import { cypherLibrary, getQuery } from '../../server/store/cypher-library.ts';
import { loadEnterpriseKeys, loadEnterprises } from '../../server/services/import/reference.ts';
import { COLUMNS_QUERIES, QueryWrites } from '../../server/services/import/write-batches.ts';
import { PlainCsvSplitter } from '../../server/services/import/plain-csv.ts';
import { queryRunner, uncheckedRun, type Params, type QueryRunner, type Store } from '../../server/store/store.ts';
import { csv, foundIn, gbk, makeUscc, openDumpStore, tempDir, utf8Bom } from './helpers.ts';

/**
 * Issue 17: a CSV is read as a stream (the CLI gives a path) and planned chunk by
 * chunk; the report must be the one the whole file gave, row numbers included,
 * across chunks (duplicates found between chunks) and across the bytes that choose
 * the encoding (> 1 MB, GBK characters cut at read boundaries).
 */
const ROWS = 2 * CHUNK_ROWS + 2_000;
const HEADER = ['企业名称', '统一社会信用代码', '简称', '所属环节', '所在地区', '产值（万元）', '标签', '成立年份'];

/** quotedAt: the data row whose 简称 is a quoted cell over two lines (null: a file without quotes). */
function rows(quotedAt: number | null = 5): (string | number)[][] {
  const out: (string | number)[][] = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    // a long 简称 makes the file pass 1 MB
    out.push([
      `流式测试企业${i}有限公司`,
      makeUscc(20_000 + i),
      `流式${i}号合金铸造精密零部件`,
      '铸件',
      '巢湖市',
      i + 0.5,
      i % 7 ? '' : '专精特新',
      2000 + (i % 20),
    ]);
  }
  if (quotedAt !== null) out[quotedAt]![2] = '简称,\n跨两行'; // a quoted cell over two lines: still one row
  out[7_001]![1] = '91340181MA2XXXXXX'; // invalid code, row 7,002
  out[ROWS]![1] = out[3]![1]!; // the last row repeats row 4's code: a duplicate two chunks apart
  return out;
}

const comparable = (r: ImportReport) => ({ ...r, durationMs: 0 });

function watched(store: Store, onQuery: (name: string) => void): Store {
  return watchedParams(store, (name) => onQuery(name));
}

function watchedParams(store: Store, onQuery: (name: string, params?: Params) => void): Store {
  const spy = (runner: QueryRunner): QueryRunner =>
    queryRunner(<T>(name: string, params?: Params) => {
      onQuery(name, params);
      return uncheckedRun(runner)<T>(name, params);
    });
  const wrapped = Object.create(store) as Store;
  return Object.assign(wrapped, {
    run: spy(store).run,
    transaction: <T>(work: (tx: QueryRunner) => Promise<T>) => store.transaction((tx) => work(spy(tx))),
  });
}

describe('streamed imports', () => {
  const tmp = tempDir('chain-stream-');
  afterAll(() => tmp.remove());

  it.each([
    ['UTF-8 with BOM', (t: string) => utf8Bom(t), 'utf-8 (BOM)', 5],
    ['GBK', (t: string) => gbk(t), 'gb18030', 5],
    // split without the parser; the last line without a line break
    ['UTF-8 without quotes', (t: string) => Buffer.from(t.slice(0, -2), 'utf8'), 'utf-8', null],
    // the splitter hands over to the parser at the first quote
    ['UTF-8 with its first quote near the end', (t: string) => Buffer.from(t, 'utf8'), 'utf-8', ROWS - 10],
  ] as const)(
    'a %s CSV read from a path gives the report its bytes give, with whole-file row numbers',
    async (_name, encode, encoding, quotedAt) => {
      const bytes = encode(csv(rows(quotedAt)));
      expect(bytes.length).toBeGreaterThan(1 << 20);
      const file = tmp.file(`stream-${encoding}-${quotedAt}.csv`);
      writeFileSync(file, bytes);

      // The streamed rows are the rows of the whole text parsed at once.
      const streamed = await readTable({ path: file }, 'x.csv');
      const whole = parse(decodeCsv(bytes).text, { relax_column_count: true, skip_empty_lines: false, bom: true, trim: true }) as string[][];
      expect(streamed.encoding).toBe(encoding);
      expect(streamed.rows.map((r) => r.cells)).toEqual(whole);
      expect(streamed.rows.map((r) => r.row)).toEqual(whole.map((_, i) => i + 1));

      const store = await openDumpStore();
      try {
        const fromPath = await importFile(store, { path: file }, 'x.csv', { kind: 'enterprises', dryRun: true });
        const fromBytes = await importFile(store, bytes, 'x.csv', { kind: 'enterprises', dryRun: true });
        expect(comparable(fromPath)).toEqual(comparable(fromBytes));
        expect(fromPath.counts).toMatchObject({ rows: ROWS, reject: 2 });
        expect(fromPath.encoding).toBe(encoding);
        const errors = fromPath.issues.filter((i) => i.severity === 'error').map(({ row, code, column }) => ({ row, code, column }));
        expect(errors).toEqual([
          { row: 7_002, code: 'INVALID_USCC', column: '统一社会信用代码' },
          { row: ROWS + 1, code: 'DUPLICATE_IN_FILE', column: '统一社会信用代码' },
        ]);
        expect(fromPath.issues.find((i) => i.code === 'DUPLICATE_IN_FILE')?.message).toContain('4');
        if (quotedAt !== null) expect(fromPath.items[quotedAt - 1]).toMatchObject({ row: quotedAt + 1, action: 'create' });
        expect(fromPath.items.at(-1)).toMatchObject({ row: ROWS + 1, action: 'reject' });
      } finally {
        await store.close();
      }
    },
    180_000,
  );

  it('a re-import of the same file writes nothing; a changed cell updates exactly that field', async () => {
    const store = await openDumpStore();
    try {
      const table = [HEADER, ...rows().slice(1, 4)];
      const first = await importFile(store, utf8Bom(csv(table)), 'a.csv', { kind: 'enterprises', dryRun: false });
      expect(first.counts).toMatchObject({ create: 3, reject: 0 });
      const before = [...dumpLines(await readDump(store))];

      const queries: string[] = [];
      const again = await importFile(
        watched(store, (q) => queries.push(q)),
        utf8Bom(csv(table)),
        'a.csv',
        { kind: 'enterprises', dryRun: false },
      );
      expect(again).toMatchObject({ committed: true, counts: { unchanged: 3, create: 0, update: 0 } });
      expect(queries.filter((q) => q.startsWith('write/'))).toEqual([]);
      expect([...dumpLines(await readDump(store))]).toEqual(before);

      const changed = table.map((r) => [...r]);
      changed[2]![5] = 777;
      const update = await importFile(store, utf8Bom(csv(changed)), 'a.csv', { kind: 'enterprises', dryRun: false });
      expect(update.counts).toMatchObject({ update: 1, unchanged: 2 });
      expect(update.items[1]).toMatchObject({ row: 3, action: 'update', changes: ['output'] });
      const after = [...dumpLines(await readDump(store))];
      const differ = after.filter((line, i) => line !== before[i]);
      expect(differ).toHaveLength(1);
      const was = JSON.parse(before[after.indexOf(differ[0]!)]!) as { properties: Record<string, unknown> };
      const now = JSON.parse(differ[0]!) as { properties: Record<string, unknown> };
      expect(now.properties).toEqual({ ...was.properties, output: 777 });
    } finally {
      await store.close();
    }
  }, 60_000);
});

describe('the enterprises an import matches against', () => {
  it('are read in pages (a million in one read outlasts the query limit), the same as in one read', async () => {
    const store = await openDumpStore();
    try {
      const all = await store.run<{ id: string; name: string; uscc: string | null; areaIds: string[] }>('read/import/enterprises');
      const paged = await loadEnterprises(store, 1);
      expect(all.length).toBeGreaterThan(1);
      expect(all.some((e) => !e.uscc)).toBe(true);
      for (const e of all) expect(foundIn(paged, e), e.id).toEqual({ ...e, areaIds: e.areaIds.filter(Boolean) });
    } finally {
      await store.close();
    }
  });
});

describe('the enterprises a link import matches against', () => {
  it('are their ids, names and codes only, read in pages: not the fields an enterprise import compares (a million full records were most of a link import’s heap)', async () => {
    const store = await openDumpStore();
    try {
      const full = await loadEnterprises(store);
      const keys = await loadEnterpriseKeys(store, 1);
      const all = await store.run<{ id: string; name: string; uscc: string | null }>('read/import/enterprises');
      for (const e of all) {
        expect(foundIn(full, e), e.id).toBeDefined();
        expect(foundIn(keys, e), e.id).toEqual({ id: e.id, name: e.name, uscc: e.uscc });
      }
      const some = all.find((e) => e.uscc)!;
      for (const [kind, file] of [
        ['supplies', `供应方,采购方统一社会信用代码\n${some!.name},${some!.uscc ?? ''}\n`],
        ['operates', `企业名称,所属环节\n${some!.name},铸件\n`],
      ] as const) {
        const queries: string[] = [];
        await importFile(
          watched(store, (q) => queries.push(q)),
          Buffer.from(file),
          `${kind}.csv`,
          { kind, dryRun: true },
        );
        expect(queries, kind).toContain('read/import/enterprise-key-page');
        expect(queries, kind).not.toContain('read/import/enterprise-page');
        // the ids are read once for the enterprises and their links (1M ids take seconds)
        expect(
          queries.filter((q) => q === 'read/projection/enterprise-ids'),
          kind,
        ).toHaveLength(1);
      }
    } finally {
      await store.close();
    }
  });
});

/** The fields a `$columns` query reads (`c.name[i]`). */
const columnsRead = (name: string) => new Set([...getQuery(name).text.matchAll(/\bc\.([A-Za-z_]\w*)\[i\]/g)].map((m) => m[1]!));

describe('batches as lists per field ($columns)', () => {
  it('the import writes that take $columns are the ones the writer passes lists to', () => {
    const takes = [...cypherLibrary().values()].filter((q) => q.name.startsWith('write/import/') && q.params.includes('columns')).map((q) => q.name);
    expect(takes.sort()).toEqual([...COLUMNS_QUERIES].sort());
  });

  it('the create queries read every field the import plans for them', async () => {
    expect([...columnsRead('write/import/supplies-create')].sort()).toEqual(['buyer', 'origin', 'product', 'share', 'supplier']);
    expect([...columnsRead('write/import/operates-in-create')].sort()).toEqual(['enterprise', 'origin', 'role', 'segment']);
    const located = columnsRead('write/import/enterprise-create-located');
    expect([...columnsRead('write/import/enterprise-create')].every((f) => located.has(f))).toBe(true);
    // a new enterprise with an area and a segment: the same fields, and its first link's
    const operating = columnsRead('write/import/enterprise-create-located-operating');
    expect([...located, 'segment', 'role'].filter((f) => !operating.has(f))).toEqual([]);
    // A row with every enterprise column: each property the plan gives the new enterprise is a field the create reads.
    const store = await openDumpStore();
    try {
      const header = [
        '企业名称',
        '统一社会信用代码',
        '简称',
        '所在地区',
        '产值（万元）',
        '规上',
        '标签',
        '成立年份',
        '是否本地',
        '地区类别',
        '省份',
        '城市',
        '区县',
        '行业代码',
        '经营范围',
        '主营产品',
      ];
      const row = [
        '全字段测试有限公司',
        makeUscc(90_001),
        '全字段',
        '巢湖市',
        12,
        '是',
        '专精特新',
        2012,
        '是',
        'local',
        '安徽省',
        '合肥市',
        '巢湖市',
        'C3311',
        '铝合金铸件',
        '压铸件',
      ];
      const queries: { name: string; params?: Params }[] = [];
      const spying = watchedParams(store, (name, params) => queries.push({ name, params }));
      const report = await importFile(spying, utf8Bom(csv([header, row])), 'all.csv', { kind: 'enterprises', dryRun: false });
      expect(report.committed).toBe(true);
      const create = queries.find((q) => q.name === 'write/import/enterprise-create-located')!;
      const fields = Object.keys((create.params as { columns: Record<string, unknown> }).columns);
      expect(fields.length).toBeGreaterThan(18);
      expect(fields.filter((f) => !located.has(f))).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('a row becomes one entry of each list, null where it has no value; a write planned again takes its first place', () => {
    const writes = new QueryWrites('write/import/supplies-create');
    writes.put({ supplier: 'a', buyer: 'b', props: { share: 0.2, origin: 'import' } });
    writes.put({ supplier: 'c', buyer: 'd', props: { product: '铸件', origin: 'import' } });
    expect(writes.columnsOf(0, 10)).toEqual({
      supplier: ['a', 'c'],
      buyer: ['b', 'd'],
      share: [0.2, null],
      origin: ['import', 'import'],
      product: [null, '铸件'],
    });
    expect(writes.put({ supplier: 'a', buyer: 'b', props: { product: '壳体', origin: 'import' } }, 0)).toBe(0);
    writes.put({ supplier: 'e', buyer: 'f' });
    expect(writes.length).toBe(3);
    expect(writes.columnsOf(1, 2)).toEqual({ supplier: ['c', 'e'], buyer: ['d', 'f'], share: [null, null], origin: ['import', null], product: ['铸件', null] });
    expect(writes.columnsOf(0, 1)).toEqual({ supplier: ['a'], buyer: ['b'], share: [null], origin: ['import'], product: ['壳体'] });
    writes.release(0, 2);
    expect(writes.columnsOf(0, 3).supplier).toEqual([null, null, 'e']);
  });
});

describe('quote-free CSV split without the parser', () => {
  const parsed = (text: string) => parse(text, { relax_column_count: true, skip_empty_lines: false, bom: true, trim: true }) as string[][];
  it.each([['\ufeffa,b\r\n c ,\td\f\r\n\r\n,\r\nlast,'], ['a\nb,c\n\nd'], ['企业名称,产值\r\n巢湖一号有限公司, 12 \r\n']])(
    'gives what csv-parse gives for %j, however the text is cut',
    (text) => {
      for (let cut = 0; cut <= text.length; cut++) {
        const splitter = new PlainCsvSplitter();
        const records = [...splitter.write(text.slice(0, cut))!, ...splitter.write(text.slice(cut))!, ...splitter.end()];
        expect(records).toEqual(parsed(text));
      }
    },
  );

  it('steps aside at a quote or a lone CR, handing over the text from the record it is in', () => {
    const splitter = new PlainCsvSplitter();
    expect(splitter.write('a,b\nc,')).toEqual([['a', 'b']]);
    expect(splitter.write('"d,e"\n')).toBeNull();
    expect(splitter.rest()).toBe('c,"d,e"\n');
    expect(new PlainCsvSplitter().write('a\rb\r')).toBeNull();
  });
});
