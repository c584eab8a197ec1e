import { monthlyReport } from '../../services/reports/monthly-report.ts';
import { monthlyReportXlsx } from '../../services/reports/report-workbook.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

export const reportResolvers: Resolvers = {
  Query: {
    monthlyReport: (_, args, { store }) => monthlyReport(store, args),
    monthlyReportFile: async (_, args, { store }) => {
      const file = await monthlyReportXlsx(store, args);
      return { filename: file.filename, mimeType: file.mimeType, base64: file.buffer.toString('base64') };
    },
  },
};
