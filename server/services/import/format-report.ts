import type { ImportReport } from './types.ts';

const ACTION_ZH = { create: '新增', update: '更新', unchanged: '不变', reject: '拒绝' } as const;

/** The report as plain text for the terminal: summary, column mapping, issues (row, column, value, message zh / en), then the rows. */
export function formatReport(report: ImportReport, options: { maxItems?: number; maxIssues?: number } = {}): string {
  const maxItems = options.maxItems ?? 50;
  const maxIssues = options.maxIssues ?? 200;
  const c = report.counts;
  const lines: string[] = [];
  lines.push(
    `导入 Import: ${report.fileName} (${report.kind}, ${report.format}${report.encoding ? `, ${report.encoding}` : ''}${report.sheet ? `, sheet ${report.sheet}` : ''})`,
  );
  lines.push(
    `${report.dryRun ? '预检 DRY RUN' : report.committed ? '已写入 COMMITTED' : '未写入 NOT COMMITTED'}: ` +
      `${c.rows} 行 rows — 新增 create ${c.create}, 更新 update ${c.update}, 不变 unchanged ${c.unchanged}, 拒绝 rejected ${c.reject}, 警告 warnings ${c.warnings} (${report.durationMs} ms)`,
  );
  if (report.notCommittedReason) lines.push(`  ${report.notCommittedReason} / ${report.notCommittedReasonEn}`);
  lines.push('列 Columns:');
  for (const col of report.columns) lines.push(`  ${col.header} → ${col.field ?? '(忽略 ignored)'}${col.unit ? ` [${col.unit}]` : ''}`);
  if (report.issues.length) {
    lines.push('问题 Issues (行 row | 列 column | 值 value | 说明 message):');
    for (const i of report.issues.slice(0, maxIssues)) {
      lines.push(
        `  ${i.severity === 'error' ? '错误 ERROR' : '警告 WARN '} 行 ${i.row ?? '-'} | ${i.column ?? '-'} | ${i.value ?? ''} | ${i.message} / ${i.messageEn}`,
      );
    }
    if (report.issues.length > maxIssues) lines.push(`  … ${report.issues.length - maxIssues} more`);
  }
  const shown = report.items.filter((i) => i.action !== 'unchanged').slice(0, maxItems);
  if (shown.length) {
    lines.push('行 Rows:');
    for (const i of shown) {
      lines.push(
        `  行 ${i.row}: ${ACTION_ZH[i.action]} ${i.action} ${i.label}${i.id ? ` (${i.id})` : ''}${i.changes.length ? ` [${i.changes.join(', ')}]` : ''}`,
      );
      if (i.inferred?.length) lines.push(`    推断 inferred: ${i.inferred.join('；')}`);
    }
    const rest = report.items.filter((i) => i.action !== 'unchanged').length - shown.length;
    if (rest > 0) lines.push(`  … ${rest} more`);
  }
  if (report.suggestions.length) {
    lines.push('挂链建议 Suggested links (行 row | 企业 enterprise → 环节 segment | 强度 strength | 依据 evidence):');
    for (const sg of report.suggestions.slice(0, maxItems)) {
      lines.push(
        `  ${sg.accepted ? '✓' : ' '} 行 ${sg.row} | ${sg.enterpriseName} → ${sg.segmentName} | ${sg.strength} | ${sg.evidence.join('；')} [${sg.id}]`,
      );
    }
    if (report.suggestions.length > maxItems) lines.push(`  … ${report.suggestions.length - maxItems} more`);
    if (!report.suggestions.some((sg) => sg.accepted)) lines.push('  (--accept all | --accept-rows 2,5 | --accept-ids 2:seg:x 写入 / to write them)');
  }
  return lines.join('\n');
}
