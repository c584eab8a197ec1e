import { ValidationError } from '../../errors.ts';
import { makeIssue } from './issues.ts';
import type { RawTable, TableRow } from './read-table.ts';
import { AMOUNT_UNITS, type AmountUnit, type ColumnMapping, type ColumnOverrides, type ImportIssue, type ImportKind } from './types.ts';

/** A field a column can fill. `names` are the accepted headers (Chinese first), compared after normaliseHeader. */
export interface FieldDef {
  field: string;
  names: string[];
  /** Amount in 万元 (headers or --unit may say 亿元). */
  amount?: boolean;
  /** Known (e.g. written by our own export) but not imported: no warning. */
  ignored?: boolean;
}

export interface KindDef {
  fields: FieldDef[];
  /** Each group needs at least one of its fields as a column. */
  required: string[][];
}

const ENTERPRISE_REF: FieldDef[] = [
  { field: 'name', names: ['企业名称', '企业全称', '公司名称', '单位名称', '名称', 'name', 'enterprise', 'enterprisename', 'company'] },
  { field: 'uscc', names: ['统一社会信用代码', '社会信用代码', '信用代码', 'uscc', 'creditcode'] },
];

/** Columns of each kind; the first name of each field is the header our export writes. */
export const KINDS: Record<ImportKind, KindDef> = {
  enterprises: {
    fields: [
      ...ENTERPRISE_REF,
      { field: 'shortName', names: ['简称', '企业简称', 'shortname'] },
      { field: 'area', names: ['所在地区', '地区', '所在地', '区域', 'area', 'areaid'] },
      { field: 'segment', names: ['所属环节', '产业链环节', '环节', 'segment', 'segments'] },
      { field: 'role', names: ['角色', '链上角色', '企业角色', 'role'] },
      { field: 'output', names: ['产值', '年产值', '工业总产值', 'output'], amount: true },
      { field: 'aboveScale', names: ['规上', '是否规上', '规模以上', '规上企业', 'abovescale'] },
      { field: 'tags', names: ['标签', '企业标签', '资质', 'tags'] },
      { field: 'founded', names: ['成立年份', '成立时间', '成立日期', 'founded', 'yearfounded'] },
      { field: 'local', names: ['是否本地', '本地企业', '本地', 'local', 'islocal'] },
      { field: 'region', names: ['地区类别', '区位', 'region'] },
      { field: 'province', names: ['省份', '所在省份', 'province'] },
      { field: 'city', names: ['城市', '所在城市', 'city'] },
      { field: 'district', names: ['区县', '所在区县', 'district'] },
      { field: 'industryCode', names: ['行业代码', '国民经济行业代码', '行业分类代码', '所属行业代码', 'industrycode'] },
      { field: 'businessScope', names: ['经营范围', 'businessscope'] },
      { field: 'mainProducts', names: ['主营产品', '主要产品', '主营业务', 'mainproducts'] },
      { field: 'address', names: ['地址', '注册地址', '企业地址', '住所', '经营地址', 'address'] },
      { field: 'id', names: ['编号', 'id'], ignored: true },
      { field: 'origin', names: ['数据来源', '来源', 'origin'], ignored: true },
      { field: 'sample', names: ['样例数据', 'sample'], ignored: true },
    ],
    required: [['name']],
  },
  operates: {
    fields: [
      ...ENTERPRISE_REF,
      { field: 'segment', names: ['所属环节', '产业链环节', '环节', 'segment'] },
      { field: 'role', names: ['角色', '链上角色', '企业角色', 'role'] },
    ],
    required: [['name', 'uscc'], ['segment']],
  },
  supplies: {
    fields: [
      { field: 'supplier', names: ['供应方', '供应商', '供方企业', '供应企业', 'supplier'] },
      { field: 'supplierUscc', names: ['供应方统一社会信用代码', '供应商统一社会信用代码', '供应方信用代码', 'supplieruscc'] },
      { field: 'buyer', names: ['采购方', '需方企业', '采购企业', '客户', 'buyer', 'customer'] },
      { field: 'buyerUscc', names: ['采购方统一社会信用代码', '需方统一社会信用代码', '采购方信用代码', 'buyeruscc'] },
      { field: 'product', names: ['产品', '供应产品', '配套产品', 'product'] },
      { field: 'share', names: ['占比', '供货占比', '份额', 'share'] },
    ],
    required: [
      ['supplier', 'supplierUscc'],
      ['buyer', 'buyerUscc'],
    ],
  },
  segments: {
    fields: [
      { field: 'chain', names: ['产业链', '产业链名称', '所属产业链', 'chain'] },
      { field: 'chainNameEn', names: ['产业链英文名', 'chainnameen'] },
      { field: 'segment', names: ['环节', '环节名称', '链环节', 'segment', 'name'] },
      { field: 'segmentId', names: ['环节编号', 'segmentid', 'id'] },
      { field: 'code', names: ['统一编码', '全局编码', '环节代码', '申万代码', 'code', 'globalcode'] },
      { field: 'nameEn', names: ['英文名', '环节英文名', 'nameen'] },
      { field: 'stage', names: ['阶段', '上中下游', '位置', 'stage'] },
      { field: 'inputs', names: ['上游环节', '投入环节', '原料环节', 'inputs', 'fedby'] },
      { field: 'outputs', names: ['下游环节', '产出环节', 'outputs', 'feeds'] },
    ],
    required: [['chain'], ['segment']],
  },
  mapping: {
    fields: [
      { field: 'chain', names: ['产业链', '所属产业链', 'chain'] },
      { field: 'segment', names: ['环节', '环节名称', '环节编号', 'segment'] },
      { field: 'industryCodes', names: ['行业代码', '国民经济行业代码', 'industrycodes'] },
      { field: 'keywords', names: ['关键词', '关键字', 'keywords'] },
    ],
    required: [['segment']],
  },
  areas: {
    fields: [
      { field: 'name', names: ['地区名称', '地区', '名称', 'name'] },
      { field: 'areaId', names: ['地区编号', 'areaid', 'id'] },
      { field: 'parent', names: ['上级地区', '所属上级', '上级', 'parent', 'partof'] },
      { field: 'level', names: ['级别', '层级', '行政级别', 'level'] },
      { field: 'local', names: ['本地', '是否本地', '本地范围', 'local'] },
      { field: 'divisionCode', names: ['行政区划代码', '区划代码', 'divisioncode'] },
      { field: 'nameEn', names: ['英文名', 'nameen'] },
    ],
    required: [['name']],
  },
  projects: {
    fields: [
      { field: 'id', names: ['项目编号', 'projectid', 'id'] },
      { field: 'name', names: ['项目名称', '项目', '名称', 'name', 'project', 'projectname'] },
      { field: 'investor', names: ['投资方', '投资主体', '投资企业', '投资方名称', 'investor', 'investorname'] },
      { field: 'investorUscc', names: ['投资方统一社会信用代码', '统一社会信用代码', '信用代码', 'investoruscc', 'uscc'] },
      { field: 'area', names: ['所在地区', '落地地区', '地区', '区域', 'area', 'areaid'] },
      { field: 'chain', names: ['产业链', '所属产业链', 'chain', 'chains'] },
      { field: 'segment', names: ['所属环节', '环节', '产业链环节', 'segment', 'segments'] },
      { field: 'gaps', names: ['填补缺口', '缺口编号', '缺口', 'gap', 'gaps', 'gapids'] },
      { field: 'leadUnit', names: ['牵头单位', '招商单位', '责任单位', 'leadunit'] },
      { field: 'lookAfter', names: ['包保单位', 'lookafter', 'lookafterunits'] },
      { field: 'investment', names: ['投资额', '总投资', '计划总投资', '计划投资', 'investment'], amount: true },
      { field: 'plannedOutput', names: ['计划产值', '达产产值', '预计产值', '年产值', 'plannedoutput'], amount: true },
      { field: 'stage', names: ['阶段', '项目阶段', '进展阶段', '项目状态', 'stage'] },
      { field: 'leadAt', names: ['线索日期', 'leadat'] },
      { field: 'negotiatingAt', names: ['洽谈日期', 'negotiatingat'] },
      { field: 'signedAt', names: ['签约日期', '签约时间', 'signedat'] },
      { field: 'startedAt', names: ['开工日期', '开工时间', '落地日期', 'startedat'] },
      { field: 'producingAt', names: ['投产日期', '投产时间', 'producingat'] },
      { field: 'droppedAt', names: ['终止日期', 'droppedat'] },
      { field: 'dropReason', names: ['终止原因', 'dropreason'] },
      { field: 'elements', names: ['1+5要素', '招商要素', '“1+5”要素', 'elements'] },
      { field: 'notes', names: ['备注', '说明', 'notes'] },
      { field: 'origin', names: ['数据来源', '来源', 'origin'], ignored: true },
      { field: 'lastActivityAt', names: ['最近进展', 'lastactivityat'], ignored: true },
    ],
    required: [['name'], ['area']],
  },
};

/** Header compared without width, case, spaces, a leading `*` (required marker) or a bracketed note such as （万元）. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[([{【].*?[)\]}】]/g, '')
    .replace(/[\s*_\-:：]/g, '');
}

/** 亿元 or 万元 when the header names it, e.g. 产值（亿元）. */
export function unitInHeader(header: string): AmountUnit | null {
  const text = header.normalize('NFKC');
  if (text.includes('亿元') || /\(亿\)/.test(text)) return '亿元';
  if (text.includes('万元') || /\(万\)/.test(text)) return '万元';
  return null;
}

/** A column of the file with the field it fills. */
export interface MappedColumn extends ColumnMapping {
  index: number;
}

export interface HeaderResult {
  headerRow: number;
  columns: MappedColumn[];
  dataRows: TableRow[];
  issues: ImportIssue[];
  /** True when a required column is missing: every row is rejected. */
  fatal: boolean;
}

function lookup(kind: KindDef): Map<string, FieldDef> {
  const map = new Map<string, FieldDef>();
  for (const def of kind.fields) for (const name of def.names) map.set(normaliseHeader(name), def);
  return map;
}

/** Checks a mapping file against the fields of the kind; throws ValidationError naming the bad entry. */
export function checkOverrides(kind: ImportKind, overrides: ColumnOverrides): void {
  const fields = new Set(KINDS[kind].fields.map((f) => f.field));
  for (const [header, target] of Object.entries(overrides)) {
    const field = typeof target === 'object' && target !== null ? target.field : target;
    if (field !== null && !fields.has(field)) {
      throw new ValidationError(
        `映射文件：列「${header}」对应的字段「${field}」不存在 / mapping file: '${header}' maps to unknown field '${field}' (fields of ${kind}: ${[...fields].join(', ')})`,
        'mapping',
      );
    }
    const unit = typeof target === 'object' && target !== null ? target.unit : undefined;
    if (unit !== undefined && !(AMOUNT_UNITS as readonly string[]).includes(unit)) {
      throw new ValidationError(`映射文件：列「${header}」的单位应为 万元 或 亿元 / mapping file: unit of '${header}' must be 万元 or 亿元`, 'mapping');
    }
  }
}

/**
 * Finds the header row (the row among the first 10 naming the most known
 * columns: workbooks often have a title row above it) and maps each header to
 * a field. Overrides (a mapping file) win over built-in names; the unit of an
 * amount column comes from the override, else the header, else `defaultUnit`.
 */
export function mapHeader(table: RawTable, kindName: ImportKind, overrides: ColumnOverrides = {}, defaultUnit: AmountUnit = '万元'): HeaderResult {
  const kind = KINDS[kindName];
  const known = lookup(kind);
  const byField = new Map(kind.fields.map((f) => [f.field, f]));
  const overrideMap = new Map(Object.entries(overrides).map(([h, t]) => [normaliseHeader(h), t]));
  const resolve = (header: string): { def: FieldDef | null; unit: AmountUnit | null; overridden: boolean } => {
    const key = normaliseHeader(header);
    if (overrides[header] !== undefined || overrideMap.has(key)) {
      const target = overrides[header] !== undefined ? overrides[header] : overrideMap.get(key);
      if (target === null || target === undefined) return { def: null, unit: null, overridden: true };
      const field = typeof target === 'string' ? target : target.field;
      const unit = typeof target === 'object' ? (target.unit ?? null) : null;
      return { def: field === null ? null : (byField.get(field) ?? null), unit, overridden: true };
    }
    return { def: known.get(key) ?? null, unit: null, overridden: false };
  };

  let best: { index: number; score: number } = { index: -1, score: 0 };
  table.rows.slice(0, HEADER_SEARCH_ROWS).forEach((r, i) => {
    const score = r.cells.filter((c) => c && resolve(c).def).length;
    if (score > best.score) best = { index: i, score };
  });
  if (best.index < 0) {
    return { headerRow: 0, columns: [], dataRows: table.rows, issues: [makeIssue('NO_HEADER', { row: null })], fatal: true };
  }

  const headerRow = table.rows[best.index]!;
  const issues: ImportIssue[] = [];
  const columns: MappedColumn[] = [];
  const seen = new Map<string, number>();
  headerRow.cells.forEach((header, index) => {
    if (!header) return;
    const { def, unit, overridden } = resolve(header);
    if (!def) {
      if (!overridden) issues.push(makeIssue('UNKNOWN_COLUMN', { row: headerRow.row, column: header, value: header }));
      columns.push({ header, field: null, unit: null, index });
      return;
    }
    if (def.ignored) {
      columns.push({ header, field: null, unit: null, index });
      return;
    }
    const first = seen.get(def.field);
    if (first !== undefined) {
      issues.push(makeIssue('DUPLICATE_COLUMN', { row: headerRow.row, column: header, value: header }, { other: first + 1, field: def.field }));
      columns.push({ header, field: null, unit: null, index });
      return;
    }
    seen.set(def.field, index);
    columns.push({ header, field: def.field, unit: def.amount ? (unit ?? unitInHeader(header) ?? defaultUnit) : null, index });
  });

  let fatal = false;
  for (const group of kind.required) {
    if (!group.some((f) => seen.has(f))) {
      fatal = true;
      const names = group.flatMap((f) => byField.get(f)!.names.slice(0, 2)).join('、');
      issues.push(makeIssue('MISSING_COLUMN', { row: null }, { field: group.map((f) => byField.get(f)!.names[0]).join(' / '), names }));
    }
  }
  const dataRows = table.rows.slice(best.index + 1).filter(hasCells);
  return { headerRow: headerRow.row, columns, dataRows, issues, fatal };
}

/** A row with at least one non-empty cell: empty rows are not data. */
export function hasCells(row: TableRow): boolean {
  return row.cells.some((c) => c !== '');
}

/** Rows mapHeader looks at to find the header row. */
export const HEADER_SEARCH_ROWS = 10;

/** The header a field was read from, for messages. */
export function headerOf(columns: MappedColumn[], field: string): string | null {
  return columns.find((c) => c.field === field)?.header ?? null;
}
