/**
 * The import dialog: choose a file (.xlsx/.csv) and its kind, run a dry run,
 * read the report (counts, row-level issues in Chinese or English), then
 * commit. Self-contained: it posts a GraphQL multipart request to /graphql
 * itself and touches nothing outside `container`.
 */
type Lang = 'zh' | 'en';

const T = {
  zh: {
    title: '导入企业数据', file: '文件（.xlsx / .csv，≤ 20 MB）', kind: '数据类型', unit: '未注明单位的金额', skip: '跳过无效行（其余行照常写入）',
    check: '预检', commit: '确认导入', close: '关闭', busy: '处理中…', row: '行', column: '列', value: '值', message: '说明',
    kinds: { ENTERPRISES: '企业名单', OPERATES: '企业所属环节', SUPPLIES: '供应关系', SEGMENTS: '产业链与环节' },
    counts: (c: Counts) => `共 ${c.rows} 行：新增 ${c.create}，更新 ${c.update}，不变 ${c.unchanged}，拒绝 ${c.reject}，警告 ${c.warnings}`,
    done: '已写入。', fixFirst: '有被拒绝的行：请修正文件后重新预检，或勾选“跳过无效行”。', tooBig: '文件超过 20 MB。',
  },
  en: {
    title: 'Import enterprise data', file: 'File (.xlsx / .csv, ≤ 20 MB)', kind: 'Kind of data', unit: 'Amounts without a unit are in', skip: 'Skip invalid rows (write the others)',
    check: 'Check (dry run)', commit: 'Import', close: 'Close', busy: 'Working…', row: 'Row', column: 'Column', value: 'Value', message: 'Message',
    kinds: { ENTERPRISES: 'Enterprises', OPERATES: 'Enterprise segments', SUPPLIES: 'Supply relations', SEGMENTS: 'Chains and segments' },
    counts: (c: Counts) => `${c.rows} rows: ${c.create} new, ${c.update} updated, ${c.unchanged} unchanged, ${c.reject} rejected, ${c.warnings} warnings`,
    done: 'Written.', fixFirst: 'Some rows are rejected: fix the file and check again, or tick “skip invalid rows”.', tooBig: 'The file is larger than 20 MB.',
  },
} as const;

interface Counts { rows: number; create: number; update: number; unchanged: number; reject: number; warnings: number }
interface Issue { row: number | null; column: string | null; value: string | null; severity: string; message: string; messageEn: string }
interface Report {
  committed: boolean; dryRun: boolean; notCommittedReason: string | null; notCommittedReasonEn: string | null;
  counts: Counts; issues: Issue[]; items: { row: number; action: string; label: string }[];
}

const MUTATION = `mutation ImportFile($file: File!, $kind: ImportKind!, $dryRun: Boolean!, $options: ImportOptions) {
  importFile(file: $file, kind: $kind, dryRun: $dryRun, options: $options) {
    committed dryRun notCommittedReason notCommittedReasonEn
    counts { rows create update unchanged reject warnings }
    issues(first: 500) { row column value severity message messageEn }
    items(first: 200, actions: [CREATE, UPDATE, REJECT]) { row action label }
  }
}`;

const MAX_BYTES = 20 * 1024 * 1024;

async function postImport(file: File, kind: string, dryRun: boolean, options: { skipInvalid: boolean; unit: string }): Promise<Report> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: MUTATION, variables: { file: null, kind, dryRun, options } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', file, file.name);
  const res = await fetch('/graphql', { method: 'POST', body: form, credentials: 'same-origin', headers: { 'graphql-require-preflight': '1' } });
  const body = (await res.json()) as { data?: { importFile: Report }; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${res.status}`);
  return body.data.importFile;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Opens the dialog inside `container`; resolves when it closes, with the last committed report (or null). */
export function openImportDialog(container: HTMLElement, lang: Lang): Promise<Report | null> {
  const t = T[lang];
  const dialog = el('dialog', { className: 'import-dialog' });
  const fileInput = el('input', { type: 'file', accept: '.xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const kind = el('select');
  for (const [value, label] of Object.entries(t.kinds)) kind.append(el('option', { value, textContent: label }));
  const unit = el('select');
  unit.append(el('option', { value: 'WAN_YUAN', textContent: '万元' }), el('option', { value: 'YI_YUAN', textContent: '亿元' }));
  const skip = el('input', { type: 'checkbox' });
  const checkButton = el('button', { type: 'button', textContent: t.check });
  const commitButton = el('button', { type: 'button', textContent: t.commit, disabled: true });
  const closeButton = el('button', { type: 'button', textContent: t.close });
  const output = el('div', { className: 'import-report' });
  output.setAttribute('aria-live', 'polite');
  dialog.append(
    el('h2', { textContent: t.title }),
    el('label', {}, t.file, ' ', fileInput),
    el('label', {}, t.kind, ' ', kind),
    el('label', {}, t.unit, ' ', unit),
    el('label', {}, skip, ' ', t.skip),
    el('div', { className: 'import-actions' }, checkButton, commitButton, closeButton),
    output,
  );
  container.append(dialog);

  let checked: { file: File; kind: string; unit: string; skip: boolean } | null = null;
  let committed: Report | null = null;
  const invalidate = () => {
    checked = null;
    commitButton.disabled = true;
  };
  for (const input of [fileInput, kind, unit, skip]) input.addEventListener('change', invalidate);

  const render = (report: Report) => {
    output.replaceChildren();
    const reason = lang === 'zh' ? report.notCommittedReason : report.notCommittedReasonEn;
    output.append(el('p', { textContent: t.counts(report.counts) }));
    if (report.committed) output.append(el('p', { textContent: t.done }));
    else if (reason && !report.dryRun) output.append(el('p', { textContent: reason }));
    if (report.issues.length) {
      const table = el('table');
      table.append(el('tr', {}, ...[t.row, t.column, t.value, t.message].map((h) => el('th', { textContent: h }))));
      for (const i of report.issues) {
        const row = el('tr', { className: i.severity === 'error' ? 'issue-error' : 'issue-warning' });
        row.append(...[String(i.row ?? '—'), i.column ?? '', i.value ?? '', lang === 'zh' ? i.message : i.messageEn].map((c) => el('td', { textContent: c })));
        table.append(row);
      }
      output.append(table);
    }
  };

  const run = async (dryRun: boolean) => {
    const file = dryRun ? fileInput.files?.[0] : checked?.file;
    if (!file) return;
    if (file.size > MAX_BYTES) {
      output.replaceChildren(el('p', { textContent: t.tooBig }));
      return;
    }
    checkButton.disabled = commitButton.disabled = true;
    output.replaceChildren(el('p', { textContent: t.busy }));
    try {
      const options = { skipInvalid: skip.checked, unit: unit.value };
      const report = await postImport(file, kind.value, dryRun, options);
      render(report);
      if (dryRun) {
        const canCommit = report.counts.reject === 0 || skip.checked;
        checked = canCommit ? { file, kind: kind.value, unit: unit.value, skip: skip.checked } : null;
        commitButton.disabled = !canCommit || report.counts.create + report.counts.update === 0;
        if (!canCommit) output.append(el('p', { textContent: t.fixFirst }));
      } else {
        if (report.committed) committed = report;
        invalidate();
      }
    } catch (e) {
      output.replaceChildren(el('p', { className: 'issue-error', textContent: (e as Error).message }));
    } finally {
      checkButton.disabled = false;
    }
  };
  checkButton.addEventListener('click', () => void run(true));
  commitButton.addEventListener('click', () => void run(false));

  return new Promise((resolve) => {
    const close = () => {
      dialog.close();
      dialog.remove();
      resolve(committed);
    };
    closeButton.addEventListener('click', close);
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      close();
    });
    dialog.showModal();
  });
}
