import {
  fetchChainOverview,
  fetchChains,
  fetchEnterprise,
  fetchGap,
  fetchGapAnalysis,
  fetchNeighbourhood,
  fetchResponsibility,
  fetchSegmentEnterprises,
  fetchShortestPath,
  fetchSupplierCandidates,
  exportCandidatesXlsx,
  fetchMe,
  setAuthHandler,
  signOut,
  type Me,
  type ChainSummary,
  type GapAnalysis,
  type SearchHit,
  type SupplierCandidate,
  type SupplierCandidatePage,
} from './api.ts';
import { createController } from './graph/controller.ts';
import { createGraph, toCytoscapeElements } from './graph/create-graph.ts';
import { buildCsv } from './export/csv.ts';
import { getLang, isMessageKey, setLang, t } from './i18n.ts';
import { candidateColumns, candidateHighlightIds, exportFileName, missingPathNodes, pathElements } from './state/candidates.ts';
import { gapKind, gapsAt, mapGaps, segmentDecorations, type MapGap } from './state/map-model.ts';
import { DEFAULT_STATE, parseState, serializeState, updateState, type AppState } from './state/url-state.ts';
import { download, errorText, h, loadInto } from './ui/dom.ts';
import { areaName, markCandidate, renderCandidatePanel, renderEnterprisePanel, renderLegend, renderSegmentPanel, type PanelActions } from './ui/panels.ts';
import { renderResponsibilityView } from './ui/responsibility-view.ts';
import { createSearchBox } from './ui/search-box.ts';
import { renderTargetsView } from './ui/targets-view.ts';
import { askSignIn } from './ui/sign-in.ts';
import { openImportDialog } from './ui/import-dialog.ts';
import { candidateLeadButton, renderGapWork } from './ui/gap-work.ts';
import { renderPipelineView } from './ui/pipeline-view.ts';
import { renderUnitProjects } from './ui/unit-projects.ts';

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const chainSelect = $<HTMLSelectElement>('#chain-select');
const areaSelect = $<HTMLSelectElement>('#area-select');
const status = $('#status');
const panel = $('#panel');
const legend = $('#legend');
const legendOpen = () => legend.querySelector('details')?.open ?? true;

/** Canvas area covered by the legend and the path bar, so fits keep highlighted nodes visible. */
function overlayInsets(): { left: number; top: number } {
  const canvas = $('#cy').getBoundingClientRect();
  const l = legend.getBoundingClientRect();
  const p = pathbar.hidden ? null : pathbar.getBoundingClientRect();
  return { left: l.right - canvas.left + 8, top: p ? p.bottom - canvas.top + 8 : 0 };
}
const pathbar = $('#pathbar');
const views = { map: $('#map-view'), responsibility: $('#responsibility-view'), targets: $('#targets-view'), pipeline: $('#pipeline-view') };

const controller = createController(createGraph($('#cy')));
// Exposed for end-to-end tests and for users poking at the graph in devtools.
(window as unknown as { cy: typeof controller.cy }).cy = controller.cy;

let state: AppState = { ...DEFAULT_STATE };
let me: Me | null = null;
let chains: ChainSummary[] = [];
let analysis: GapAnalysis | null = null;
let loadedMap: { chain: string | null; area: string } | null = null;
let candidatePage: SupplierCandidatePage | null = null;
let panelKey = '';
let highlightKey = '';
let pathKey = '';
const pathNames = new Map<string, string>();

function setStatus(text: string, error = false): void {
  status.textContent = text;
  status.classList.toggle('error', error);
}

function navigate(change: Partial<AppState>, push = true): void {
  const next = updateState(state, change);
  const url = location.pathname + serializeState(next);
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
  void apply(next);
}

function areaId(): string | null {
  return state.area === 'both' ? null : state.area;
}

function applyTexts(): void {
  document.documentElement.lang = getLang() === 'zh' ? 'zh-CN' : 'en';
  document.title = t('appTitle');
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = el.dataset.i18n!;
    if (isMessageKey(key)) el.textContent = t(key);
  }
  const toggle = $('#lang-toggle');
  toggle.textContent = t('language');
  toggle.setAttribute('lang', getLang() === 'zh' ? 'en' : 'zh-CN');
  $('#view-tabs').setAttribute('aria-label', t('view'));
  $('#cy').setAttribute('aria-label', t('canvasLabel'));
  chainSelect.replaceChildren(new Option(t('allChains'), ''), ...chains.map((c) => new Option(getLang() === 'en' && c.nameEn ? c.nameEn : c.name, c.id)));
  search.refreshTexts();
}

/** Who is signed in, sign in/out, and the import button for editors. */
function renderUser(): void {
  const box = $('#user');
  if (!me || !me.authEnabled) {
    box.replaceChildren();
    return;
  }
  const role = me.role ? t(`userRole.${me.role}`) : '—';
  box.replaceChildren(
    me.canEdit ? h('button', { type: 'button', id: 'import-data', onclick: () => void importData() }, t('importData')) : '',
    me.signedIn ? h('span', {}, t('signedInAs', { name: me.name, role })) : '',
    me.signedIn
      ? h('button', { type: 'button', id: 'sign-out', onclick: () => void signOut().then(() => location.reload()) }, t('signOut'))
      : h('button', { type: 'button', id: 'sign-in', onclick: () => void signInAndReload() }, t('signIn')),
  );
}

async function signInAndReload(): Promise<void> {
  me = await askSignIn();
  renderUser();
  loadedMap = null;
  await apply(state);
}

async function importData(): Promise<void> {
  const report = await openImportDialog(document.body);
  if (!report) return;
  loadedMap = null;
  await apply(state);
  setStatus(t('importDone'));
}

function syncControls(): void {
  chainSelect.value = state.chain ?? '';
  areaSelect.value = state.area;
  for (const tab of document.querySelectorAll<HTMLButtonElement>('#view-tabs [data-view]')) {
    if (tab.dataset.view === state.view) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  for (const [name, el] of Object.entries(views)) el.hidden = name !== state.view;
  // Chain choice does not apply to the responsibility and target views.
  chainSelect.disabled = state.view !== 'map';
}

async function loadMap(): Promise<void> {
  const key = { chain: state.chain, area: state.area };
  setStatus(t('loading'));
  legend.replaceChildren(...renderLegend(null, legendOpen()));
  const [overview, gaps] = await Promise.allSettled([fetchChainOverview(key.chain), fetchGapAnalysis(key.chain, areaId())]);
  if (state.chain !== key.chain || state.area !== key.area) return;
  if (overview.status === 'rejected') {
    loadedMap = null;
    setStatus(errorText(overview.reason), true);
    return;
  }
  await controller.show(toCytoscapeElements(overview.value));
  loadedMap = key;
  highlightKey = '';
  pathKey = '';
  const segments = t('segmentsShown', { n: overview.value.nodes.length });
  if (gaps.status === 'fulfilled') {
    analysis = gaps.value;
    controller.decorateSegments(segmentDecorations(analysis));
    legend.replaceChildren(...renderLegend(analysis.counts, legendOpen()));
    setStatus(segments);
  } else {
    analysis = null;
    controller.decorateSegments(new Map());
    legend.replaceChildren(...renderLegend(null, legendOpen()), h('p', { className: 'error', role: 'alert' }, errorText(gaps.reason)));
    setStatus(`${segments} · ${errorText(gaps.reason)}`, true);
  }
}

/** Puts a node on the canvas if it is not there: the node and its links to what is drawn. */
async function ensureOnCanvas(id: string): Promise<void> {
  if (controller.has(id)) return;
  const nb = await fetchNeighbourhood(id, { depth: 1, limit: 300 });
  const anchor = nb.nodes.find((n) => n.id !== id && controller.has(n.id))?.id ?? id;
  const nodes = nb.nodes.filter((n) => n.id === id);
  const edges = nb.edges.filter((e) => (e.source === id && controller.has(e.target)) || (e.target === id && controller.has(e.source)));
  await controller.expand(anchor, toCytoscapeElements({ nodes, edges }));
}

async function expand(id: string): Promise<void> {
  setStatus(t('loading'));
  try {
    await ensureOnCanvas(id);
    const nb = await fetchNeighbourhood(id, { depth: 1, limit: 400, labels: ['Enterprise', 'Segment'] });
    const added = await controller.expand(id, toCytoscapeElements(nb));
    setStatus(`${t('nodesShown', { n: controller.cy.nodes().length })}${nb.truncated ? ' · ' + t('truncated', { n: 400 }) : ''}`);
    controller.fit([id, ...added], overlayInsets());
  } catch (e) {
    setStatus(errorText(e), true);
  }
}

async function showCandidateHighlight(candidate: SupplierCandidate): Promise<void> {
  const nb = await fetchNeighbourhood(candidate.enterpriseId, { depth: 2, limit: 600 });
  const elements = pathElements(candidate, nb);
  const anchor = [...candidate.segmentIds, ...candidate.path.nodeIds].find((id) => controller.has(id)) ?? candidate.enterpriseId;
  await controller.expand(anchor, toCytoscapeElements(elements));
  const ids = candidateHighlightIds(candidate);
  let missing = missingPathNodes(candidate, (id) => controller.has(id), elements);
  if (missing.length) {
    // Path nodes beyond two steps (e.g. a buyer's local competitor): fetch each with its links.
    const more = await Promise.all(missing.slice(0, 20).map((id) => fetchNeighbourhood(id, { depth: 1, limit: 200 })));
    const extra = pathElements(candidate, { nodes: more.flatMap((m) => m.nodes), edges: more.flatMap((m) => m.edges) });
    await controller.expand(anchor, toCytoscapeElements(extra));
    missing = missing.filter((id) => !controller.has(id));
  }
  controller.highlight(ids);
  controller.fit(ids, overlayInsets());
  if (missing.length) setStatus(t('pathShownPartly', { ids: missing.join(', ') }), true);
}

async function syncHighlight(): Promise<void> {
  const key = `${state.gap}|${state.cand}|${candidatePage ? 'p' : ''}`;
  if (key === highlightKey) return;
  highlightKey = key;
  if (candidatePage) markCandidate(panel, state.cand);
  if (!state.cand || !candidatePage) {
    if (!state.from || !state.to) controller.clearHighlight();
    return;
  }
  const candidate = candidatePage.candidates.find((c) => c.enterpriseId === state.cand);
  if (!candidate) return setStatus(t('loadFailed', { msg: state.cand }), true);
  try {
    await showCandidateHighlight(candidate);
  } catch (e) {
    setStatus(errorText(e), true);
  }
}

function renderPathbar(): void {
  if (!state.from && !state.to) {
    pathbar.hidden = true;
    return;
  }
  const name = (id: string | null) => (id ? (pathNames.get(id) ?? controller.nameOf(id) ?? id) : '—');
  pathbar.hidden = false;
  pathbar.replaceChildren(
    h('strong', {}, t('path')),
    h('span', {}, `${t('pathFrom')}：${name(state.from)}`),
    h('span', {}, `${t('pathTo')}：${name(state.to)}`),
    h('span', { id: 'path-result', role: 'status' }),
    h('button', { type: 'button', onclick: () => navigate({ from: null, to: null }) }, t('clearPath')),
  );
}

async function syncPath(): Promise<void> {
  renderPathbar();
  const key = `${state.from}|${state.to}`;
  if (key === pathKey) return;
  pathKey = key;
  if (!state.from || !state.to) return;
  const result = $('#path-result');
  result.textContent = t('loading');
  try {
    const path = await fetchShortestPath(state.from, state.to);
    if (path.nodes.length === 0) {
      result.textContent = t('noPath');
      controller.clearHighlight();
      return;
    }
    const anchor = path.nodes.find((n) => controller.has(n.id))?.id ?? state.from;
    await controller.expand(anchor, toCytoscapeElements(path));
    const ids = [...path.nodes.map((n) => n.id), ...path.edges.map((e) => e.id)];
    controller.highlight(ids);
    controller.fit(ids, overlayInsets());
    result.textContent = t('pathLength', { n: path.edges.length });
    renderPathbar();
    $('#path-result').textContent = t('pathLength', { n: path.edges.length });
  } catch (e) {
    result.textContent = errorText(e);
  }
}

function findGap(id: string): MapGap | null {
  return analysis ? (mapGaps(analysis).find((g) => g.id === id) ?? null) : null;
}

const actions: PanelActions = {
  selectNode: (id) => navigate({ sel: id, gap: null, cand: null }),
  showCandidates: (gapId) => navigate({ gap: gapId, cand: null }),
  highlightCandidate: (id) => navigate({ cand: id }),
  expand: (id) => void expand(id),
  setPathEnd: (end, id, name) => {
    pathNames.set(id, name);
    navigate(end === 'from' ? { from: id } : { to: id });
  },
  exportCandidates: (format) => void exportCandidates(format),
  openUnit: (unitId) => navigate({ view: 'responsibility', sel: unitId, gap: null, cand: null }),
  back: () => navigate({ gap: null, cand: null }),
  gapWork: (g) => renderGapWork(g, { canEdit: canEdit(), areaId: areaId(), openProject, changed: () => void reloadMap() }),
  candidateLead: (gapId, enterpriseId) => (canEdit() ? candidateLeadButton(gapId, enterpriseId, { areaId: areaId(), openProject }) : null),
};

/** Editors (or anyone when access control is off) change gaps and projects. */
function canEdit(): boolean {
  return !me || !me.authEnabled || me.canEdit;
}

function openProject(projectId: string | null): void {
  navigate({ view: 'pipeline', sel: projectId, gap: null, cand: null });
}

async function reloadMap(): Promise<void> {
  loadedMap = null;
  panelKey = '';
  await apply(state);
}

/**
 * CSV is built here from the list on screen, in the UI language. The .xlsx
 * 招商清单 comes from the server's exportTable, the same file as the CLI export.
 */
async function exportCandidates(format: 'csv' | 'xlsx'): Promise<void> {
  if (!candidatePage || !state.gap) return;
  const gap = findGap(state.gap);
  const segment = gap?.detected?.segmentName ?? gap?.saved?.segmentName ?? candidatePage.segmentIds.join('_');
  if (format === 'csv') {
    const name = exportFileName([t('investmentList'), segment, areaName(areaId())], 'csv');
    download(name, buildCsv(candidateColumns(getLang()), candidatePage.candidates), 'text/csv;charset=utf-8');
    setStatus(t('exportDone', { file: name }));
    return;
  }
  setStatus(t('loading'));
  try {
    const file = await exportCandidatesXlsx(state.gap, areaId());
    const name = exportFileName([t('investmentList'), segment, areaName(areaId())], 'xlsx');
    download(name, file.bytes.buffer as ArrayBuffer, file.mimeType);
    setStatus(t('exportDone', { file: name }));
  } catch (e) {
    setStatus(errorText(e), true);
  }
}

async function renderPanel(): Promise<void> {
  const key = [state.sel, state.gap, state.lang, state.area, state.chain, loadedMap ? 'm' : ''].join('|');
  if (key === panelKey) return;
  panelKey = key;
  if (state.gap) {
    const gapId = state.gap;
    candidatePage = null;
    await loadInto(
      panel,
      async () => {
        const gap = findGap(gapId) ?? (await fetchGap(gapId).then((g) => (g ? { id: g.id, kind: gapKind(g.kind), segmentId: g.segmentId, severity: null, detected: null, saved: g } : null)));
        const page = await fetchSupplierCandidates({ gapId, first: 200 });
        return { gap, page };
      },
      ({ gap, page }) => {
        candidatePage = page;
        const segmentId = gap?.segmentId ?? page.segmentIds[0] ?? '';
        const nameEn = getLang() === 'en' ? (controller.cy.getElementById(segmentId).data('nameEn') as string | undefined) : undefined;
        const segmentName = nameEn ?? gap?.detected?.segmentName ?? gap?.saved?.segmentName ?? controller.nameOf(segmentId) ?? segmentId;
        if (gap) controller.select(gap.segmentId);
        return renderCandidatePanel({ gap, segmentName, page, highlighted: state.cand }, actions);
      },
    );
    return;
  }
  candidatePage = null;
  if (!state.sel) {
    controller.select(null);
    panel.replaceChildren(h('p', { className: 'hint' }, t('noSelection')));
    return;
  }
  const id = state.sel;
  const label = controller.cy.getElementById(id).data('label') ?? (id.startsWith('seg:') ? 'Segment' : 'Enterprise');
  if (label === 'Segment') {
    controller.select(id, true);
    await loadInto(
      panel,
      async () => {
        const chainId = state.chain ?? (controller.cy.getElementById(id).data('chainIds') as string[] | undefined)?.[0] ?? null;
        const hasGaps = analysis ? gapsAt(analysis, id).length > 0 : false;
        const [local, external, chainUnits] = await Promise.all([
          fetchSegmentEnterprises(id, true, areaId()),
          fetchSegmentEnterprises(id, false, null),
          !hasGaps && chainId ? fetchResponsibility(chainId).then((r) => r.areas.filter((a) => !areaId() || a.areaId === areaId()).flatMap((a) => [...a.leads, ...a.supports])) : Promise.resolve(null),
        ]);
        return { local, external, chainUnits };
      },
      ({ local, external, chainUnits }) => {
        const node = controller.cy.getElementById(id);
        const facts = analysis?.segments.find((s) => s.segmentId === id);
        return renderSegmentPanel(
          {
            id,
            name: getLang() === 'en' ? String(node.data('nameEn') ?? facts?.nameEn ?? node.data('name') ?? id) : String(node.data('name') ?? facts?.name ?? id),
            stage: (node.data('stage') as string | undefined) ?? facts?.stage ?? null,
            analysis,
            gaps: analysis ? gapsAt(analysis, id) : [],
            local,
            external,
            chainUnits,
          },
          actions,
        );
      },
    );
    return;
  }
  await loadInto(
    panel,
    async () => {
      const enterprise = await fetchEnterprise(id);
      if (enterprise) await ensureOnCanvas(id).catch(() => undefined);
      return enterprise;
    },
    (enterprise) => {
      if (!enterprise) return h('p', { className: 'error' }, t('loadFailed', { msg: id }));
      controller.select(id, true);
      return renderEnterprisePanel(enterprise, actions);
    },
  );
}

let applying = Promise.resolve();

function apply(next: AppState): Promise<void> {
  applying = applying.then(() => applyNow(next)).catch((e: unknown) => setStatus(errorText(e), true));
  return applying;
}

async function applyNow(next: AppState): Promise<void> {
  const langChanged = next.lang !== state.lang || !loadedTexts;
  state = next;
  if (langChanged) {
    setLang(state.lang);
    applyTexts();
    renderUser();
    controller.relabel(state.lang);
    loadedTexts = true;
    if (loadedMap) legend.replaceChildren(...renderLegend(analysis?.counts ?? null, legendOpen()));
  }
  syncControls();
  if (state.view === 'map') {
    if (!loadedMap || loadedMap.chain !== state.chain || loadedMap.area !== state.area) {
      panelKey = '';
      await loadMap();
    }
    await renderPanel();
    await syncHighlight();
    await syncPath();
  } else if (state.view === 'responsibility') {
    await renderResponsibilityView(views.responsibility, state.area, state.sel, {
      openUnit: (unitId) => navigate({ sel: unitId }),
      openChain: (chainId) => navigate({ view: 'map', chain: chainId, sel: null, gap: null, cand: null }),
      openGap: (g) => navigate({ view: 'map', chain: g.chainId, gap: g.id, sel: g.segmentId, cand: null }),
    });
    if (state.sel?.startsWith('unit:')) await renderUnitProjects(views.responsibility, state.sel, openProject);
    panelKey = '';
    setStatus('');
  } else if (state.view === 'pipeline') {
    await renderPipelineView(views.pipeline, state.area, state.sel, { canEdit: canEdit(), chains, openProject });
    panelKey = '';
    setStatus('');
  } else {
    await renderTargetsView(views.targets, state.area);
    panelKey = '';
    setStatus('');
  }
}
let loadedTexts = false;

function onSearchPick(hit: SearchHit): void {
  if (hit.kind === 'Chain') return navigate({ view: 'map', chain: hit.id });
  if (hit.kind === 'Unit') return navigate({ view: 'responsibility', sel: hit.id, gap: null, cand: null });
  if (hit.kind === 'Segment' && !controller.has(hit.id)) return navigate({ view: 'map', chain: null, sel: hit.id, gap: null, cand: null });
  navigate({ view: 'map', sel: hit.id, gap: null, cand: null });
}

const search = createSearchBox($<HTMLInputElement>('#search-input'), $<HTMLUListElement>('#search-list'), onSearchPick);

controller.on('tap', (e) => {
  if (e.label === 'Segment' || e.label === 'Enterprise') navigate({ sel: e.id, gap: null, cand: null });
});
controller.on('background', () => {
  if (state.cand) navigate({ cand: null });
});

chainSelect.addEventListener('change', () => navigate({ chain: chainSelect.value || null }));
areaSelect.addEventListener('change', () => navigate({ area: areaSelect.value as AppState['area'] }));
for (const tab of document.querySelectorAll<HTMLButtonElement>('#view-tabs [data-view]')) {
  tab.addEventListener('click', () => navigate({ view: tab.dataset.view as AppState['view'], sel: null, gap: null, cand: null }));
}
$('#lang-toggle').addEventListener('click', () => navigate({ lang: getLang() === 'zh' ? 'en' : 'zh' }));
$('#export-png').addEventListener('click', () => {
  download(exportFileName([t('appTitle'), state.chain ?? 'all', state.area], 'png'), controller.exportPng(), 'image/png');
});
$('#export-svg').addEventListener('click', () => {
  download(exportFileName([t('appTitle'), state.chain ?? 'all', state.area], 'svg'), controller.exportSvg(), 'image/svg+xml');
});
$('#copy-link').addEventListener('click', () => {
  navigator.clipboard?.writeText(location.href).then(
    () => setStatus(t('linkCopied')),
    () => setStatus(location.href),
  );
});
window.addEventListener('popstate', () => void apply(parseState(location.search)));

async function start(): Promise<void> {
  const initial = parseState(location.search || location.hash);
  setLang(initial.lang);
  applyTexts();
  setStatus(t('loading'));
  // Any request refused for want of a session opens the sign-in form, then retries.
  setAuthHandler(async () => {
    me = await askSignIn();
    renderUser();
  });
  try {
    me = (await fetchMe()) ?? (await askSignIn());
    chains = await fetchChains();
  } catch (e) {
    setStatus(errorText(e), true);
  }
  await apply(initial);
}

void start();
