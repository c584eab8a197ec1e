import type { GraphElements, SupplierCandidate } from '../api.ts';
import type { Column } from '../export/csv.ts';
import { t, type Lang } from '../i18n.ts';

/** Ids to highlight for a candidate: its explanation path, always including the candidate itself. */
export function candidateHighlightIds(candidate: SupplierCandidate): string[] {
  return [...new Set([candidate.enterpriseId, ...candidate.path.nodeIds, ...candidate.path.edgeIds])];
}

/**
 * The part of a fetched neighbourhood that the explanation path needs on the
 * canvas: its nodes, and edges among path nodes that are on the path (or, when
 * the path lists no edges, every edge among path nodes).
 */
export function pathElements(candidate: SupplierCandidate, neighbourhood: GraphElements): GraphElements {
  const nodeIds = new Set([candidate.enterpriseId, ...candidate.path.nodeIds]);
  const edgeIds = new Set(candidate.path.edgeIds);
  return {
    nodes: neighbourhood.nodes.filter((n) => nodeIds.has(n.id)),
    edges: neighbourhood.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target) && (edgeIds.size === 0 || edgeIds.has(e.id))),
  };
}

/** Path node ids that are neither on the canvas nor in the fetched elements (so the UI can say so). */
export function missingPathNodes(candidate: SupplierCandidate, onCanvas: (id: string) => boolean, fetched: GraphElements): string[] {
  const have = new Set(fetched.nodes.map((n) => n.id));
  return [candidate.enterpriseId, ...candidate.path.nodeIds].filter((id, i, all) => all.indexOf(id) === i && !onCanvas(id) && !have.has(id));
}

/** The score components in the server's order (supplierCandidates), named as the panel names them (i18n component.*). */
const COMPONENTS = ['segmentFit', 'suppliesLocal', 'suppliesPeers', 'customers', 'scale', 'region', 'qualifications', 'leaderElsewhere'] as const;

const REGION: Record<Lang, Record<string, string>> = {
  zh: { local: '本地', anhui: '安徽省内', yrd: '长三角', other: '其他地区' },
  en: { local: 'Local', anhui: 'Anhui', yrd: 'Yangtze River Delta', other: 'Elsewhere' },
};

/**
 * Columns of the 招商清单 export, in the chosen language. Sample records say
 * so in their own column: a list passed on by e-mail must not lose that.
 */
export function candidateColumns(lang: Lang): Column<SupplierCandidate>[] {
  const zh = lang === 'zh';
  // Chinese headers match the server's .xlsx 招商清单 (exportTable) so both files read alike.
  return [
    { header: zh ? '排名' : 'Rank', value: (c) => c.rank },
    { header: zh ? '企业名称' : 'Enterprise', value: (c) => c.name },
    { header: zh ? '统一社会信用代码' : 'USCC', value: (c) => c.uscc },
    { header: zh ? '所在地区' : 'Location', value: (c) => [c.province, c.city].filter(Boolean).join(' ') },
    { header: zh ? '区域' : 'Region', value: (c) => (c.region ? (REGION[lang][c.region] ?? c.region) : '') },
    { header: zh ? '产值（万元）' : 'Output (10k yuan)', value: (c) => c.output },
    { header: zh ? '规上企业' : 'Above designated size', value: (c) => (c.aboveScale == null ? '' : c.aboveScale ? (zh ? '是' : 'yes') : zh ? '否' : 'no') },
    { header: zh ? '资质标签' : 'Tags', value: (c) => c.tags.join('、') },
    { header: zh ? '所属环节' : 'Segments', value: (c) => c.segmentNames.join('、') },
    { header: zh ? '综合得分' : 'Score', value: (c) => c.score },
    // The points each component adds (they sum to the score), one column each as in the server's .xlsx.
    ...COMPONENTS.map((name): Column<SupplierCandidate> => ({
      header: t(`component.${name}`, {}, lang),
      value: (c) => c.components.find((p) => p.name === name)?.points ?? 0,
    })),
    { header: zh ? '推荐理由' : 'Reasons', value: (c) => (zh ? c.reasonZh : c.reasonEn) },
    { header: zh ? '数据说明' : 'Data', value: (c) => (c.sample ? (zh ? '示例数据' : 'Sample data') : '') },
  ];
}

/** A file name such as `招商清单-铸锻件-巢湖市.csv`, with characters Windows forbids replaced. */
export function exportFileName(parts: readonly (string | null | undefined)[], ext: string): string {
  return `${parts
    .filter(Boolean)
    .join('-')
    .replace(/[\\/:*?"<>|\s]+/g, '_')}.${ext}`;
}
