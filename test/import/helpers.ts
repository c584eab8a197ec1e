import type { EnterpriseIndex, EnterpriseKey } from '../../server/services/import/reference.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { USCC_CHARSET, usccCheckChar } from '../../server/model/uscc.ts';
import { DUMP_FORMAT, DUMP_VERSION, restoreDump, type Dump, type DumpNode, type DumpRelationship } from '../../server/services/dump/dump.ts';
import { EmbeddedStore } from '../../server/store/embedded-store.ts';
import type { Store } from '../../server/store/store.ts';
import { openTestStore } from '../support/test-store.ts';

/** A valid 统一社会信用代码 registered in `division` (characters 3–8); distinct numbers give distinct codes. */
export function usccIn(division: string, n: number): string {
  let body = '';
  let x = n;
  for (let i = 0; i < 9; i++) {
    body = USCC_CHARSET[x % 31]! + body;
    x = Math.floor(x / 31);
  }
  const first17 = `91${division}${body}`;
  return first17 + usccCheckChar(first17);
}

/** A valid 统一社会信用代码 of 巢湖市 (340181) for a number. */
export const makeUscc = (n: number): string => usccIn('340181', n);

const node = (label: string, properties: Record<string, unknown>): DumpNode => ({ type: 'node', labels: [label], properties });
const rel = (
  relType: string,
  startLabel: string,
  start: string,
  endLabel: string,
  end: string,
  properties: Record<string, unknown> = {},
): DumpRelationship => ({
  type: 'relationship',
  relType,
  startLabel,
  start,
  endLabel,
  end,
  properties,
});

/** A small graph of our own (independent of seeds/): areas, one chain of four segments, two enterprises. */
export function baseDump(): Dump {
  const nodes = [
    node('Area', { id: 'area:yrd', name: '长三角', level: 'region', local: false }),
    node('Area', { id: 'area:anhui', name: '安徽省', level: 'province', local: false }),
    node('Area', { id: 'area:hefei', name: '合肥市', level: 'city', local: false }),
    node('Area', { id: 'area:chaohu', name: '巢湖市', nameEn: 'Chaohu', level: 'city', local: true }),
    node('Area', { id: 'area:anchao', name: '安巢经开区', level: 'zone', local: true }),
    node('Area', { id: 'area:jiangsu', name: '江苏省', level: 'province', local: false }),
    node('Area', { id: 'area:suzhou', name: '苏州市', level: 'city', local: false }),
    node('Chain', {
      id: 'chain:light-alloy',
      name: '高性能轻合金',
      nameEn: 'Light alloys',
      origin: 'plan',
      source: '三(三)7',
      sourceText: '7.高性能轻合金产业。 it\'s "quoted" \\ back',
    }),
    node('Segment', { id: 'seg:alloy-material', name: '高性能轻合金材料', stage: 'upstream', origin: 'plan' }),
    node('Segment', { id: 'seg:alloy-casting', name: '铸件', nameEn: 'Castings', stage: 'midstream', origin: 'plan' }),
    node('Segment', { id: 'seg:alloy-forging', name: '锻件', stage: 'midstream', origin: 'plan' }),
    node('Segment', { id: 'seg:auto-parts', name: '汽车零部件', stage: 'downstream', origin: 'plan' }),
    node('Enterprise', {
      id: 'ent:sample-1',
      name: '合肥巢湖铝业有限责任公司',
      uscc: makeUscc(1),
      output: 12000,
      aboveScale: true,
      tags: ['链主'],
      local: true,
      region: 'local',
      areaId: 'area:chaohu',
      origin: 'sample',
      sample: true,
    }),
    node('Enterprise', {
      id: 'ent:sample-2',
      name: '苏州精密锻造（集团）有限公司',
      output: 50000,
      local: false,
      region: 'yrd',
      areaId: 'area:suzhou',
      origin: 'sample',
      sample: true,
    }),
    node('Target', { id: 'target:output', name: '规上工业总产值', value: 1000, unit: '亿元' }),
    node('Target', { id: 'target:output-chaohu', name: '规上工业总产值（巢湖市）', value: 800, unit: '亿元' }),
    node('Meta', { id: 'seed', version: 'test', loadedAt: '2026-01-01T00:00:00Z' }),
  ];
  const relationships = [
    rel('PART_OF', 'Area', 'area:anhui', 'Area', 'area:yrd'),
    rel('PART_OF', 'Area', 'area:hefei', 'Area', 'area:anhui'),
    rel('PART_OF', 'Area', 'area:chaohu', 'Area', 'area:hefei'),
    rel('PART_OF', 'Area', 'area:anchao', 'Area', 'area:hefei'),
    rel('PART_OF', 'Area', 'area:jiangsu', 'Area', 'area:yrd'),
    rel('PART_OF', 'Area', 'area:suzhou', 'Area', 'area:jiangsu'),
    rel('PART_OF', 'Target', 'target:output-chaohu', 'Target', 'target:output'),
    rel('IN_AREA', 'Target', 'target:output-chaohu', 'Area', 'area:chaohu'),
    rel('MEASURES', 'Target', 'target:output-chaohu', 'Area', 'area:chaohu'),
    ...['seg:alloy-material', 'seg:alloy-casting', 'seg:alloy-forging', 'seg:auto-parts'].map((s) =>
      rel('HAS_SEGMENT', 'Chain', 'chain:light-alloy', 'Segment', s, { source: '三(三)7' }),
    ),
    rel('FEEDS', 'Segment', 'seg:alloy-material', 'Segment', 'seg:alloy-casting'),
    rel('FEEDS', 'Segment', 'seg:alloy-material', 'Segment', 'seg:alloy-forging'),
    rel('FEEDS', 'Segment', 'seg:alloy-casting', 'Segment', 'seg:auto-parts'),
    rel('FEEDS', 'Segment', 'seg:alloy-forging', 'Segment', 'seg:auto-parts'),
    rel('LOCATED_IN', 'Enterprise', 'ent:sample-1', 'Area', 'area:chaohu'),
    rel('LOCATED_IN', 'Enterprise', 'ent:sample-2', 'Area', 'area:suzhou'),
    rel('OPERATES_IN', 'Enterprise', 'ent:sample-1', 'Segment', 'seg:alloy-casting', { role: 'leader', origin: 'sample' }),
    rel('OPERATES_IN', 'Enterprise', 'ent:sample-2', 'Segment', 'seg:alloy-forging', { role: 'core', origin: 'sample' }),
    rel('SUPPLIES', 'Enterprise', 'ent:sample-2', 'Enterprise', 'ent:sample-1', { product: '锻件', share: 0.3, origin: 'sample' }),
  ];
  return { header: { format: DUMP_FORMAT, version: DUMP_VERSION, nodes: nodes.length, relationships: relationships.length }, nodes, relationships };
}

/** A fresh test store (support/test-store.ts) holding baseDump(); with `dataDir`, an embedded store on disk there. */
export async function openDumpStore(dataDir?: string): Promise<Store> {
  const store = dataDir ? EmbeddedStore.open(dataDir) : await openTestStore();
  if (dataDir) await store.applySchema();
  await restoreDump(store, baseDump());
  return store;
}

export function csv(rows: (string | number)[][]): string {
  return rows.map((r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',')).join('\r\n') + '\r\n';
}

export const utf8Bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
export const gbk = (text: string) => iconv.encode(text, 'gbk');

export async function xlsx(rows: (string | number | null)[][], options: { title?: string; numericUsccAt?: [number, number] } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名单');
  if (options.title) ws.addRow([options.title]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A temp folder removed by the returned function. */
export function tempDir(prefix = 'chain-import-'): { dir: string; file: (name: string) => string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, file: (name) => path.join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function counts(store: Store): Promise<Record<string, number>> {
  const rows = await store.run<{ kind: string; name: string; count: number }>('read/graph-counts');
  return Object.fromEntries(rows.map((r) => [`${r.kind}:${r.name}`, r.count]).sort(([a], [b]) => String(a).localeCompare(String(b))));
}

/** An enterprise as the import finds it: by its code, or without one by its normalised name (EnterpriseIndex holds nothing else). */
export function foundIn<E extends EnterpriseKey>(index: EnterpriseIndex<E>, e: { name: string; uscc?: string | null }): E | undefined {
  return e.uscc ? index.byCode(e.uscc) : index.byNormalisedName(e.name);
}
