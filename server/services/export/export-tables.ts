import { gapColumnsZh, unitNamesZh } from './gap-columns.ts';
import type { Store } from '../../store/store.ts';
import type { EnterpriseRecord } from '../enterprises/enterprise-types.ts';
import { loadAreas, loadChains, loadSegments, type NameIndex } from '../import/reference.ts';
import { LIST_SEPARATOR } from '../import/values.ts';
import { listSavedGaps, type GapFilter } from '../gaps/saved-gaps.ts';
import {
  candidateRows,
  rankSupplierCandidates,
  MAX_PAGE,
  type CandidateFilter,
  type CandidateWeights,
  type SupplierCandidate,
} from '../suppliers/rank-supplier-candidates.ts';
import { limitedWork } from '../limits/work-limits.ts';
import { STAGE_ZH } from '../projects/pipeline-rules.ts';
import { listProjects } from '../projects/projects.ts';
import type { Project } from '../projects/project-types.ts';
import { exportPages, exportRows, tableChunks, type ExportFile, type ExportFormat, type TableRows } from './table-file.ts';
import { writeFileAsRead } from '../dump/write-file-as-read.ts';
import { ValidationError } from '../../errors.ts';

export { exportRows };

const REGION_ZH: Record<string, string> = { local: '本地', anhui: '省内', yrd: '长三角', other: '其他' };
const ORIGIN_ZH: Record<string, string> = { plan: '计划', sample: '示例数据', import: '导入', user: '用户录入', analysis: '分析' };
const yesNo = (v: boolean | null | undefined) => (v === true ? '是' : v === false ? '否' : '');

/**
 * Headers of the enterprise export: the import's own column names, so an
 * exported list can be edited in Excel and imported again.
 */
export const ENTERPRISE_HEADERS = [
  '企业名称',
  '简称',
  '统一社会信用代码',
  '所在地区',
  '所属环节',
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
  '数据来源',
  '样例数据',
];

interface EnterpriseExportRow extends EnterpriseRecord {
  origin: string | null;
  sample: boolean | null;
  areas: { id: string; name: string }[];
  segments: { id: string; name: string }[];
}

/** The name when it finds this record again on import, else the id (a name two segments or areas share). */
function refText(index: NameIndex<{ id: string; name: string }>, r: { id: string; name: string }): string {
  const found = index.find(r.name);
  return found.ok && found.value.id === r.id ? r.name : r.id;
}

/**
 * Enterprises per query of the list export. At tier L (1M enterprises) one
 * query over all of them outlasts Grafeo's 30 s query limit and holds every
 * row in the JS heap; the list is read in keyset pages on (name, id). Each page
 * scans the label (~2.3 s CPU at L); a first page of 50k outlasted the limit on
 * a loaded machine (the limit is wall time), pages of 10k did not (bench/README.md,
 * "Dump and export at scale, round seven").
 */
export const EXPORT_PAGE = 10_000;

/**
 * The enterprise list's rows in (name, id) order, a page at a time
 * (read/dump/export-enterprises-page). Throws after the last page if the pages
 * did not give every enterprise: one without a name, or a list changed while read.
 */
export async function* enterprisePages(store: Store, page = EXPORT_PAGE): AsyncGenerator<TableRows> {
  if (!(Number.isInteger(page) && page > 0)) throw new RangeError(`page must be a positive integer, got ${page}`);
  const [areas, segments] = await Promise.all([loadAreas(store), loadSegments(store)]);
  const list = (index: NameIndex<{ id: string; name: string }>, refs: { id: string; name: string }[] | null) =>
    (refs ?? [])
      .map((r) => refText(index, r))
      .sort()
      .join(LIST_SEPARATOR);
  let read = 0;
  for (let name = '', after = ''; ;) {
    const rows = await store.run<EnterpriseExportRow>('read/dump/export-enterprises-page', { name, after, limit: page });
    read += rows.length;
    yield rows.map((e) => ({
      企业名称: e.name,
      简称: e.shortName ?? '',
      统一社会信用代码: e.uscc ?? '',
      所在地区: list(areas, e.areas),
      所属环节: list(segments, e.segments),
      '产值（万元）': e.output ?? null,
      规上: yesNo(e.aboveScale),
      标签: (e.tags ?? []).join('、'),
      成立年份: e.founded ?? null,
      是否本地: yesNo(e.local),
      地区类别: REGION_ZH[e.region ?? ''] ?? e.region ?? '',
      省份: e.province ?? '',
      城市: e.city ?? '',
      区县: e.district ?? '',
      行业代码: e.industryCode ?? '',
      经营范围: e.businessScope ?? '',
      主营产品: e.mainProducts ?? '',
      数据来源: ORIGIN_ZH[e.origin ?? ''] ?? e.origin ?? '',
      样例数据: e.sample ? '是（虚构示例）' : '',
    }));
    if (rows.length < page) break;
    name = rows.at(-1)!.name;
    after = rows.at(-1)!.id;
  }
  const [count] = await store.run<{ enterprises: number }>('read/dump/enterprise-count');
  const total = Number(count?.enterprises ?? 0);
  if (total !== read)
    throw new ValidationError(
      `the enterprise list is incomplete: ${total} enterprises, ${read} exported — an enterprise without a name (企业名称), or the list changed while it was exported (run it again)`,
    );
}

/** The enterprise list (企业名单) as CSV or .xlsx, in the import's column layout, read in pages; in memory for the API (the CLI writes it as read). */
export function exportEnterprises(store: Store, format: ExportFormat): Promise<ExportFile> {
  return limitedWork(store, 'export', { zh: '导出企业名单', en: 'the enterprise export' }, () =>
    exportPages(enterprisePages(store), format, ENTERPRISE_BASE_NAME, ENTERPRISE_HEADERS),
  );
}

/** The enterprise list written to `file` as it is read (npm run export -- enterprises): memory bounded by a page. */
export function writeEnterpriseFile(store: Store, format: ExportFormat, file: string): Promise<void> {
  return writeFileAsRead(file, tableChunks(format, enterprisePages(store), ENTERPRISE_BASE_NAME, ENTERPRISE_HEADERS));
}

export const ENTERPRISE_BASE_NAME = '企业名单';

export const MAPPING_HEADERS = ['产业链', '环节', '行业代码', '关键词'];

/** The 挂链 mapping table: one row per segment (under its first chain), with its industry codes and keywords (empty to fill in). */
export async function exportMapping(store: Store, format: ExportFormat): Promise<ExportFile> {
  const [segments, chains] = await Promise.all([loadSegments(store), loadChains(store)]);
  const rows = [...segments.values()]
    .map((s) => ({ s, chain: s.chains.length ? chains.get([...s.chains].sort()[0]!) : undefined }))
    .sort((a, b) => (a.chain?.id ?? '').localeCompare(b.chain?.id ?? '') || a.s.id.localeCompare(b.s.id))
    .map(({ s, chain }) => ({
      产业链: chain?.name ?? '',
      环节: refText(segments, s),
      行业代码: (s.industryCodes ?? []).join(LIST_SEPARATOR),
      关键词: (s.keywords ?? []).join(LIST_SEPARATOR),
    }));
  return exportRows(rows, format, '挂链规则', MAPPING_HEADERS);
}

/** Headers of the project export: the PROJECTS import's column names, so an exported list imports back unchanged. */
export const PROJECT_HEADERS = [
  '项目编号',
  '项目名称',
  '投资方',
  '所在地区',
  '产业链',
  '所属环节',
  '填补缺口',
  '牵头单位',
  '包保单位',
  '投资额（亿元）',
  '计划产值（亿元）',
  '阶段',
  '线索日期',
  '洽谈日期',
  '签约日期',
  '开工日期',
  '投产日期',
  '终止日期',
  '终止原因',
  '1+5要素',
  '备注',
  '数据来源',
];
const ELEMENT_ZH: Record<string, string> = {
  base: '制造基地',
  rnd: '研发中心',
  sales: '销售中心',
  listed: '上市主体',
  suppliers: '供应商集群企业',
  fund: '配套产业基金',
};

/** The 招商项目清单 as CSV or .xlsx, in the PROJECTS import's column layout. */
export function exportProjects(store: Store, format: ExportFormat): Promise<ExportFile> {
  return limitedWork(store, 'export', { zh: '导出招商项目清单', en: 'the project export' }, async () => {
    const [projects, areas, segments, chains] = await Promise.all([listProjects(store), loadAreas(store), loadSegments(store), loadChains(store)]);
    const byId = (a: Project, b: Project) => a.id.localeCompare(b.id);
    const names = (index: NameIndex<{ id: string; name: string }>, refs: { id: string; name: string | null }[]) =>
      refs.map((r) => refText(index, { id: r.id, name: r.name ?? r.id })).join(LIST_SEPARATOR);
    const rows = [...projects].sort(byId).map((p) => ({
      项目编号: p.id,
      项目名称: p.name,
      投资方: p.investorName ?? '',
      所在地区: p.area ? refText(areas, { id: p.area.id, name: p.area.name ?? p.area.id }) : '',
      产业链: names(chains, p.chains),
      所属环节: names(segments, p.segments),
      填补缺口: p.gapIds.join(LIST_SEPARATOR),
      牵头单位: p.leadUnit?.id ?? '',
      包保单位: p.lookAfterUnits.map((u) => u.id).join(LIST_SEPARATOR),
      '投资额（亿元）': p.investment,
      '计划产值（亿元）': p.plannedOutput,
      阶段: STAGE_ZH[p.stage],
      线索日期: p.leadAt ?? '',
      洽谈日期: p.negotiatingAt ?? '',
      签约日期: p.signedAt ?? '',
      开工日期: p.startedAt ?? '',
      投产日期: p.producingAt ?? '',
      终止日期: p.droppedAt ?? '',
      终止原因: p.dropReason ?? '',
      '1+5要素': p.elements.map((e) => ELEMENT_ZH[e] ?? e).join('、'),
      备注: p.notes ?? '',
      数据来源: ORIGIN_ZH[p.origin ?? ''] ?? p.origin ?? '',
    }));
    return exportRows(rows, format, '招商项目清单', PROJECT_HEADERS);
  });
}

export const GAP_HEADERS = ['编号', '类型', '状态', '产业链', '环节', '地区', '牵头单位', '配合单位', '原因', '备注', '来源', '计划依据', '更新时间'];

/** The saved gaps (补链/延链/强链 清单) as CSV or .xlsx. */
export function exportGaps(store: Store, format: ExportFormat, filter: GapFilter = {}): Promise<ExportFile> {
  return limitedWork(store, 'export', { zh: '导出缺口清单', en: 'the gap export' }, () => gapFile(store, format, filter));
}

async function gapFile(store: Store, format: ExportFormat, filter: GapFilter): Promise<ExportFile> {
  const gaps = await listSavedGaps(store, filter);
  const rows = gaps.map((g) => ({
    编号: g.id,
    ...gapColumnsZh(g),
    配合单位: unitNamesZh(g, 'support'),
    原因: g.reason ?? '',
    备注: g.note ?? '',
    来源: ORIGIN_ZH[g.origin ?? ''] ?? g.origin ?? '',
    计划依据: g.source ?? '',
    更新时间: g.updatedAt ?? '',
  }));
  return exportRows(rows, format, '缺口清单', GAP_HEADERS);
}

/** The 招商清单 of a gap or segment: every ranked candidate (pages of MAX_PAGE), in the suppliers service's column layout. */
export function exportCandidates(
  store: Store,
  format: ExportFormat,
  args: { gapId?: string | null; segmentId?: string | null; areaId?: string | null; filter?: CandidateFilter | null },
): Promise<ExportFile> {
  return limitedWork(store, 'export', { zh: '导出招商清单', en: 'the candidate export' }, () => candidateFile(store, format, args));
}

async function candidateFile(
  store: Store,
  format: ExportFormat,
  args: { gapId?: string | null; segmentId?: string | null; areaId?: string | null; filter?: CandidateFilter | null },
): Promise<ExportFile> {
  const all: SupplierCandidate[] = [];
  let after: string | null = null;
  let weights: CandidateWeights | null = null;
  for (;;) {
    const page = await rankSupplierCandidates(store, { ...args, weights, first: MAX_PAGE, after });
    // Every page ranked with the first page's weights: a weight fit may finish between two pages (fitted-weights.ts).
    weights = page.weights;
    all.push(...page.candidates);
    if (!page.hasNextPage || !page.endCursor) break;
    after = page.endCursor;
  }
  return exportRows(candidateRows(all), format, '招商清单');
}
