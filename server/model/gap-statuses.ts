/** A saved gap's work status, with the Chinese name every export and report uses (the UI's, client/i18n.ts `status.*`). */
export const GAP_STATUS_ZH: Readonly<Record<string, string>> = { open: '待解决', in_progress: '推进中', filled: '已补齐', dismissed: '已撤销' };

export const gapStatusZh = (status: string): string => GAP_STATUS_ZH[status] ?? status;
