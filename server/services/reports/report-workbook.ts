import { gapColumnsZh } from '../export/gap-columns.ts';
import type { Store } from '../../store/store.ts';
import { MIME_TYPES, toXlsxSheets, type ExportFile, type SheetRows } from '../export/table-file.ts';
import { limitedWork } from '../limits/work-limits.ts';
import { STAGE_ZH, type Rate } from '../projects/pipeline-rules.ts';
import type { Project } from '../projects/project-types.ts';
import { monthlyReport, type MonthlyReport, type MonthlyReportArgs, type ReportProject } from './monthly-report.ts';

const SOURCE_ZH: Record<string, string> = { COMPUTED: '据数据计算', RECORDED: '填报', NONE: '暂无' };
const UNKNOWN = '未知';

/** The sheet names of the report workbook, in order. */
export const REPORT_SHEETS = ['概况', '分阶段', '项目清单', '本月变化', '停滞项目', '目标进度', '缺口与线索'] as const;

const percent = (v: number | null) => (v === null ? UNKNOWN : `${(v * 100).toFixed(1)}%`);
const rateText = (r: Rate) => (r.value === null ? `${UNKNOWN}（无分母）` : `${percent(r.value)}（${r.numerator}/${r.denominator}）`);
const names = (refs: { name: string | null; id: string }[]) => refs.map((r) => r.name ?? r.id).join('、');
const stageText = (p: Pick<ReportProject, 'stage' | 'droppedFrom'>) =>
  p.stage === 'dropped' && p.droppedFrom ? `${STAGE_ZH.dropped}（${STAGE_ZH[p.droppedFrom]}后）` : STAGE_ZH[p.stage];

/** What the report covers, in words: 巢湖市 · 市投促中心, or 全部本地地区. */
export function scopeText(r: Pick<MonthlyReport, 'area' | 'unit'>): string {
  return [r.area?.name, r.unit?.name].filter(Boolean).join(' · ') || '全部本地地区';
}

function projectColumns(p: Project) {
  return {
    项目名称: p.name,
    投资方: p.investorName ?? '',
    地区: p.area?.name ?? '',
    产业链: names(p.chains),
    环节: names(p.segments),
    '投资额（亿元）': p.investment,
    牵头单位: p.leadUnit?.name ?? '',
    包保单位: names(p.lookAfterUnits),
    数据来源: p.origin === 'sample' ? '示例数据' : p.origin === 'import' ? '导入' : '',
  };
}

/** The report as worksheets: a summary, then one table per part of the report. Unknown figures are blank or 未知, never 0. */
export function reportSheets(r: MonthlyReport): SheetRows[] {
  const summary: [string, string | number][] = [
    ['报告', `${r.month} 月度调度报告`],
    ['范围', scopeText(r)],
    ['统计期', `${r.from} 至 ${r.to}`],
    ['截至', r.asOf],
    ['生成时间', r.generatedAt],
    ['项目总数', r.totalCount],
    ...r.stages.map((s): [string, number] => [`${STAGE_ZH[s.stage]}（个）`, s.count]),
    ['本月阶段变化（次）', r.changes.length],
    [`停滞项目（${r.stalledDays} 天无进展）`, r.stalled.length],
    ['签约落地转化率（签约→开工）', rateText(r.signedToStarted)],
    ['投产达效率（开工→投产）', rateText(r.startedToProducing)],
    ['待解决/推进中缺口（个）', r.gaps.length],
  ];
  if (r.projects.some((p) => p.project.origin === 'sample')) summary.push(['说明', '含示例数据（虚构项目，仅供演示）']);
  return [
    { name: '概况', rows: summary.map(([k, v]) => ({ 项目: k, 内容: v })), headers: ['项目', '内容'] },
    {
      name: '分阶段',
      headers: ['阶段', '项目数', '投资额（亿元）', '投资额未知（个）'],
      rows: r.stages.map((s) => ({
        阶段: STAGE_ZH[s.stage],
        项目数: s.count,
        '投资额（亿元）': s.count - s.unknownInvestment > 0 ? s.investment : null,
        '投资额未知（个）': s.unknownInvestment,
      })),
    },
    {
      name: '项目清单',
      rows: r.projects.map((p) => ({
        阶段: stageText(p),
        ...projectColumns(p.project),
        最近进展: p.lastActivityAt.slice(0, 10),
        停滞: p.stalled ? `是（${p.idleDays} 天）` : '',
      })),
    },
    {
      name: '本月变化',
      headers: ['日期', '项目名称', '变化', '说明', '操作人', '记录时间'],
      rows: r.changes.map((c) => ({
        日期: c.date,
        项目名称: c.project.name,
        变化: c.from ? `${STAGE_ZH[c.from]} → ${c.to ? STAGE_ZH[c.to] : ''}` : `新建（${c.to ? STAGE_ZH[c.to] : ''}）`,
        说明: c.note ?? '',
        操作人: c.actor,
        记录时间: c.at,
      })),
    },
    {
      name: '停滞项目',
      headers: ['项目名称', '阶段', '最近进展', '停滞天数', '牵头单位', '包保单位'],
      rows: r.stalled.map((p) => ({
        项目名称: p.project.name,
        阶段: stageText(p),
        最近进展: p.lastActivityAt.slice(0, 10),
        停滞天数: p.idleDays,
        牵头单位: p.project.leadUnit?.name ?? '',
        包保单位: names(p.project.lookAfterUnits),
      })),
    },
    {
      name: '目标进度',
      headers: ['目标', '地区', '目标值', '单位', '当前值', '完成率', '按进度应达', '进度', '口径', '起算', '基数', '截至'],
      rows: r.targets.map((t) => ({
        目标: t.target.name,
        地区: t.target.areas.map((a) => a.name).join('、') || '全域',
        目标值: t.value,
        单位: t.unit ?? '',
        当前值: t.current,
        完成率: percent(t.ratio),
        按进度应达: percent(t.expectedRatio),
        进度: t.behindPace === null ? UNKNOWN : t.behindPace ? '落后' : '正常',
        口径: SOURCE_ZH[t.currentSource] ?? t.currentSource,
        起算: t.since ?? '',
        基数: t.baseline ? `${t.baseline.value}（${t.baseline.date}）` : t.counts === 'increase' ? '未记录基数' : '',
        截至: t.asOf ?? '',
      })),
    },
    {
      name: '缺口与线索',
      headers: ['缺口编号', '类型', '状态', '产业链', '环节', '地区', '牵头单位', '备注', '线索/项目'],
      rows: r.gaps.map(({ gap, projects }) => ({
        缺口编号: gap.id,
        ...gapColumnsZh(gap),
        备注: gap.note ?? '',
        '线索/项目': projects.map((p) => `${p.name}（${STAGE_ZH[p.stage]}）`).join('；') || '无',
      })),
    },
  ];
}

/** File name: 月度调度报告-2026-11-巢湖市.xlsx */
export function reportFileName(r: Pick<MonthlyReport, 'month' | 'area' | 'unit'>): string {
  return `月度调度报告-${r.month}-${scopeText(r).replace(/[\\/:*?"<>|\s·]+/g, '-')}.xlsx`;
}

/** The monthly report as an .xlsx workbook (sheets REPORT_SHEETS). */
export function monthlyReportXlsx(store: Store, args: MonthlyReportArgs): Promise<ExportFile> {
  return limitedWork(store, 'export', { zh: '导出月度调度报告', en: 'the monthly report' }, async () => {
    const report = await monthlyReport(store, args);
    return { filename: reportFileName(report), mimeType: MIME_TYPES.xlsx, buffer: await toXlsxSheets(reportSheets(report)) };
  });
}
