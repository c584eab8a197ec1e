import { IMPORT_KINDS, IMPORT_MAX_BYTES, importFile, type ImportReport } from '../api.ts';
import { getLang, t, type MessageKey } from '../i18n.ts';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/**
 * The import dialog: choose a file (.xlsx/.csv) and its kind, run a dry run,
 * read the report (counts, row-level issues), then commit. Committing is only
 * offered for the file and options that passed the dry run.
 * Resolves when it closes, with the last committed report (or null).
 */
export function openImportDialog(container: HTMLElement): Promise<ImportReport | null> {
  const zh = getLang() === 'zh';
  const dialog = el('dialog', { className: 'import-dialog' });
  const fileInput = el('input', { type: 'file', accept: '.xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const kind = el('select');
  for (const value of IMPORT_KINDS) kind.append(el('option', { value, textContent: t(`import.kind.${value}` as MessageKey) }));
  const unit = el('select');
  unit.append(el('option', { value: 'WAN_YUAN', textContent: '万元' }), el('option', { value: 'YI_YUAN', textContent: '亿元' }));
  const skip = el('input', { type: 'checkbox' });
  const checkButton = el('button', { type: 'button', textContent: t('import.check') });
  const commitButton = el('button', { type: 'button', textContent: t('import.commit'), disabled: true });
  const closeButton = el('button', { type: 'button', textContent: t('import.close') });
  const output = el('div', { className: 'import-report' });
  output.setAttribute('aria-live', 'polite');
  dialog.append(
    el('h2', { textContent: t('import.title') }),
    el('label', {}, t('import.file'), ' ', fileInput),
    el('label', {}, t('import.kind'), ' ', kind),
    el('label', {}, t('import.unit'), ' ', unit),
    el('label', {}, skip, ' ', t('import.skip')),
    el('div', { className: 'import-actions' }, checkButton, commitButton, closeButton),
    output,
  );
  container.append(dialog);

  let checked: { file: File } | null = null;
  let committed: ImportReport | null = null;
  const invalidate = () => {
    checked = null;
    commitButton.disabled = true;
  };
  for (const input of [fileInput, kind, unit, skip]) input.addEventListener('change', invalidate);
  // project lists state investment in 亿元, enterprise lists output in 万元
  kind.addEventListener('change', () => (unit.value = kind.value === 'PROJECTS' ? 'YI_YUAN' : 'WAN_YUAN'));

  const render = (report: ImportReport) => {
    output.replaceChildren();
    const reason = zh ? report.notCommittedReason : report.notCommittedReasonEn;
    output.append(el('p', { textContent: t('import.counts', { ...report.counts }) }));
    if (report.committed) output.append(el('p', { textContent: t('import.done') }));
    else if (reason && !report.dryRun) output.append(el('p', { textContent: reason }));
    if (report.issues.length) {
      const table = el('table');
      table.append(el('tr', {}, ...(['import.row', 'import.column', 'import.value', 'import.message'] as const).map((h) => el('th', { textContent: t(h) }))));
      for (const i of report.issues) {
        const row = el('tr', { className: i.severity === 'error' ? 'issue-error' : 'issue-warning' });
        row.append(...[String(i.row ?? '—'), i.column ?? '', i.value ?? '', zh ? i.message : i.messageEn].map((c) => el('td', { textContent: c })));
        table.append(row);
      }
      output.append(table);
    }
    const inferred = report.items.filter((i) => i.inferred.length > 0);
    if (inferred.length) {
      output.append(
        el('h3', { textContent: t('import.inferred') }),
        el('ul', {}, ...inferred.map((i) => el('li', { textContent: `${t('import.row')} ${i.row} ${i.label}: ${i.inferred.join('；')}` }))),
      );
    }
    if (report.suggestions.length) output.append(suggestionTable(report));
  };

  /** 挂链 suggestions of the dry run: one box per suggestion, one per row, one for all; the commit writes the ticked ones. */
  let accepted = new Set<string>();
  const suggestionTable = (report: ImportReport): HTMLElement => {
    accepted = new Set(report.suggestions.filter((sg) => sg.accepted).map((sg) => sg.id));
    const boxes = new Map<string, HTMLInputElement>();
    const sync = () => {
      for (const [id, box] of boxes) box.checked = accepted.has(id);
      all.checked = report.suggestions.every((sg) => accepted.has(sg.id));
    };
    const all = el('input', { type: 'checkbox' });
    all.addEventListener('change', () => {
      accepted = all.checked ? new Set(report.suggestions.map((sg) => sg.id)) : new Set();
      sync();
    });
    const table = el('table', { className: 'suggestions' });
    table.append(
      el('tr', {}, ...[t('import.row'), t('name'), t('segment'), t('import.strength'), t('import.evidence'), ''].map((c) => el('th', { textContent: c }))),
    );
    const rows = [...new Set(report.suggestions.map((sg) => sg.row))];
    for (const rowNo of rows) {
      const ofRow = report.suggestions.filter((sg) => sg.row === rowNo);
      const rowBox = el('input', { type: 'checkbox', title: `${t('import.row')} ${rowNo}` });
      rowBox.addEventListener('change', () => {
        for (const sg of ofRow) {
          if (rowBox.checked) accepted.add(sg.id);
          else accepted.delete(sg.id);
        }
        sync();
      });
      ofRow.forEach((sg, i) => {
        const box = el('input', { type: 'checkbox', checked: accepted.has(sg.id) });
        box.addEventListener('change', () => {
          if (box.checked) accepted.add(sg.id);
          else accepted.delete(sg.id);
          sync();
        });
        boxes.set(sg.id, box);
        table.append(
          el(
            'tr',
            {},
            el('td', {}, ...(i === 0 ? [rowBox, ` ${rowNo}`] : [])),
            el('td', { textContent: sg.enterpriseName }),
            el('td', { textContent: sg.segmentName }),
            el('td', { textContent: String(sg.strength) }),
            el('td', { textContent: sg.evidence.join('；') }),
            el('td', {}, box),
          ),
        );
      });
    }
    return el('div', {}, el('h3', { textContent: t('import.suggestions') }), el('label', {}, all, ' ', t('import.acceptAll')), table);
  };

  const run = async (dryRun: boolean) => {
    const file = dryRun ? fileInput.files?.[0] : checked?.file;
    if (!file) return;
    if (file.size > IMPORT_MAX_BYTES) {
      output.replaceChildren(el('p', { textContent: t('import.tooBig') }));
      return;
    }
    checkButton.disabled = commitButton.disabled = true;
    output.replaceChildren(el('p', { textContent: t('import.busy') }));
    try {
      const report = await importFile(file, kind.value as (typeof IMPORT_KINDS)[number], dryRun, {
        skipInvalid: skip.checked,
        unit: unit.value,
        ...(dryRun ? {} : { accept: { ids: [...accepted] } }),
      });
      render(report);
      if (dryRun) {
        const canCommit = report.counts.reject === 0 || skip.checked;
        checked = canCommit ? { file } : null;
        commitButton.disabled = !canCommit || report.counts.create + report.counts.update + report.suggestions.length === 0;
        if (!canCommit) output.append(el('p', { textContent: t('import.fixFirst') }));
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
