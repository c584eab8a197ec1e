import { ValidationError } from '../../errors.ts';
import { exportCandidates, exportEnterprises, exportGaps, exportMapping, exportProjects } from '../../services/export/export-tables.ts';
import type { ExportFile } from '../../services/export/table-file.ts';
import { importFile } from '../../services/import/import-file.ts';
import type { ColumnOverrides } from '../../services/import/types.ts';
import { STORED_ENUMS } from '../stored-enums.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

/** Largest upload importFile accepts. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const toBase64 = (f: ExportFile) => ({ filename: f.filename, mimeType: f.mimeType, base64: f.buffer.toString('base64') });

export const importResolvers: Resolvers = {
  Mutation: {
    importFile: async (_, args, { store, auth }) => {
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
        kind: args.kind,
        dryRun: args.dryRun,
        skipInvalid: args.options?.skipInvalid ?? false,
        unit: args.options?.unit ? (args.options.unit === 'YI_YUAN' ? '亿元' : '万元') : undefined,
        actor: auth?.principal.name,
        mapping: mapping as ColumnOverrides | undefined,
        accept: args.options?.accept
          ? { all: args.options.accept.all ?? false, rows: args.options.accept.rows ?? [], ids: args.options.accept.ids ?? [] }
          : undefined,
      });
    },
  },
  Query: {
    exportTable: async (_, args, { store }) => {
      const format = args.format === 'CSV' ? 'csv' : 'xlsx';
      if (args.kind === 'ENTERPRISES') return toBase64(await exportEnterprises(store, format));
      if (args.kind === 'GAPS') return toBase64(await exportGaps(store, format));
      if (args.kind === 'MAPPING') return toBase64(await exportMapping(store, format));
      if (args.kind === 'PROJECTS') return toBase64(await exportProjects(store, format));
      if (!args.gapId && !args.segmentId) throw new ValidationError('CANDIDATES needs gapId or segmentId', 'gapId');
      return toBase64(
        await exportCandidates(store, format, {
          gapId: args.gapId ?? null,
          segmentId: args.segmentId ?? null,
          areaId: args.areaId ?? null,
          filter: args.filter ?? null,
        }),
      );
    },
  },
  ImportKind: STORED_ENUMS.ImportKind,
  ImportAction: STORED_ENUMS.ImportAction,
  ImportReport: {
    items: (r, args) => r.items.filter((i) => !args.actions || args.actions.includes(i.action)).slice(0, args.first ?? 500),
    issues: (r, args) => r.issues.slice(0, args.first ?? 1000),
    suggestions: (r, args) => r.suggestions.slice(0, args.first ?? 500),
  },
};
