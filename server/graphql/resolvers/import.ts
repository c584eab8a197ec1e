import { ValidationError } from '../../errors.ts';
import { exportCandidates, exportEnterprises, exportGaps } from '../../services/export/export-tables.ts';
import type { ExportFile } from '../../services/export/table-file.ts';
import { importFile } from '../../services/import/import-file.ts';
import type { ColumnOverrides, ImportItem, ImportKind, ImportReport } from '../../services/import/types.ts';
import type { GraphQLContext } from '../context.ts';

/** Largest upload importFile accepts. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

interface ImportArgs {
  file: File;
  kind: 'ENTERPRISES' | 'OPERATES' | 'SUPPLIES' | 'SEGMENTS';
  dryRun: boolean;
  options?: { skipInvalid?: boolean | null; unit?: 'WAN_YUAN' | 'YI_YUAN' | null; mapping?: unknown } | null;
}

const toBase64 = (f: ExportFile) => ({ filename: f.filename, mimeType: f.mimeType, base64: f.buffer.toString('base64') });

export const importResolvers = {
  Mutation: {
    importFile: async (_: unknown, args: ImportArgs, { store }: GraphQLContext): Promise<ImportReport> => {
      if (args.file.size > MAX_UPLOAD_BYTES) {
        throw new ValidationError(
          `文件过大（${(args.file.size / 1024 / 1024).toFixed(1)} MB），上限 20 MB；请拆分文件或使用命令行 npm run import / file too large (${(args.file.size / 1024 / 1024).toFixed(1)} MB, limit 20 MB): split it or use the CLI`,
          'file',
        );
      }
      const mapping = args.options?.mapping ?? undefined;
      if (mapping !== undefined && (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping))) {
        throw new ValidationError('options.mapping must be an object header → field', 'options.mapping');
      }
      const bytes = Buffer.from(await args.file.arrayBuffer());
      return importFile(store, bytes, args.file.name, {
        kind: args.kind.toLowerCase() as ImportKind,
        dryRun: args.dryRun,
        skipInvalid: args.options?.skipInvalid ?? false,
        unit: args.options?.unit === 'YI_YUAN' ? '亿元' : '万元',
        mapping: mapping as ColumnOverrides | undefined,
      });
    },
  },
  Query: {
    exportTable: async (
      _: unknown,
      args: { kind: 'ENTERPRISES' | 'GAPS' | 'CANDIDATES'; format: 'CSV' | 'XLSX'; gapId?: string | null; segmentId?: string | null; areaId?: string | null },
      { store }: GraphQLContext,
    ) => {
      const format = args.format === 'CSV' ? 'csv' : 'xlsx';
      if (args.kind === 'ENTERPRISES') return toBase64(await exportEnterprises(store, format));
      if (args.kind === 'GAPS') return toBase64(await exportGaps(store, format));
      if (!args.gapId && !args.segmentId) throw new ValidationError('CANDIDATES needs gapId or segmentId', 'gapId');
      return toBase64(await exportCandidates(store, format, { gapId: args.gapId ?? null, segmentId: args.segmentId ?? null, areaId: args.areaId ?? null }));
    },
  },
  ImportReport: {
    kind: (r: ImportReport) => r.kind.toUpperCase(),
    items: (r: ImportReport, args: { first?: number | null; actions?: string[] | null }) => {
      const wanted = args.actions?.map((a) => a.toLowerCase());
      return r.items.filter((i) => !wanted || wanted.includes(i.action)).slice(0, args.first ?? 500);
    },
    issues: (r: ImportReport, args: { first?: number | null }) => r.issues.slice(0, args.first ?? 1000),
  },
  ImportItem: {
    action: (i: ImportItem) => i.action.toUpperCase(),
  },
};
