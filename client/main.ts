import { fetchChains, fetchLocalAreas, fetchMe, setAuthHandler, signOut, type ChainSummary, type Me, type SearchHit } from './api.ts';
import { getLang, isMessageKey, setLang, t, type Lang } from './i18n.ts';
import { allLocalLabel, isLocalArea, localAreaChoices, localAreaName, setLocalAreas } from './state/local-areas.ts';
import { DEFAULT_STATE, parseState, serializeState, updateState, type AppState } from './state/url-state.ts';
import { errorText, h } from './ui/dom.ts';
import { createMapView } from './ui/map-view.ts';
import { renderResponsibilityView } from './ui/responsibility-view.ts';
import { createSearchBox } from './ui/search-box.ts';
import { renderTargetsView } from './ui/targets-view.ts';
import { askFirstAdmin, askSignIn } from './ui/sign-in.ts';
import { openImportDialog } from './ui/import-dialog.ts';
import { renderPipelineView } from './ui/pipeline-view.ts';
import { renderReportView } from './ui/report-view.ts';
import { renderUnitProjects } from './ui/unit-projects.ts';

/*
 * The app shell: header controls, URL state, who is signed in, and which view
 * renders the state. Each view has the same shape: render(state).
 */

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const chainSelect = $<HTMLSelectElement>('#chain-select');
const areaSelect = $<HTMLSelectElement>('#area-select');
const status = $('#status');
const views = {
  map: $('#map-view'),
  responsibility: $('#responsibility-view'),
  targets: $('#targets-view'),
  pipeline: $('#pipeline-view'),
  report: $('#report-view'),
};

/** Everything the shell knows: the URL state and what it loaded once. */
const app: { state: AppState; me: Me | null; chains: ChainSummary[]; textsIn: Lang | null } = {
  state: { ...DEFAULT_STATE },
  me: null,
  chains: [],
  textsIn: null,
};

function setStatus(text: string, error = false): void {
  status.textContent = text;
  status.classList.toggle('error', error);
}

function navigate(change: Partial<AppState>, push = true): void {
  const next = updateState(app.state, change);
  const url = location.pathname + serializeState(next);
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
  void apply(next);
}

/** Editors (or anyone when access control is off) change gaps and projects. */
const canEdit = (): boolean => !app.me || !app.me.authEnabled || app.me.canEdit;
const openProject = (projectId: string | null): void => navigate({ view: 'pipeline', sel: projectId, gap: null, cand: null });

function chainName(chainId: string | null): string {
  const chain = app.chains.find((c) => c.id === chainId);
  if (!chain) return chainId ?? t('allChains');
  return getLang() === 'en' && chain.nameEn ? chain.nameEn : chain.name;
}

const mapView = createMapView(views.map, { navigate, setStatus, rerender: () => void apply(app.state), canEdit, chainName });
// Exposed for end-to-end tests and for users poking at the graph in devtools.
(window as unknown as { cy: typeof mapView.controller.cy }).cy = mapView.controller.cy;

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
  chainSelect.replaceChildren(new Option(t('allChains'), ''), ...app.chains.map((c) => new Option(getLang() === 'en' && c.nameEn ? c.nameEn : c.name, c.id)));
  // area choices come from the data: the deployment's own areas (localAreas)
  areaSelect.replaceChildren(new Option(allLocalLabel(), 'both'), ...localAreaChoices().map((a) => new Option(localAreaName(a.id), a.id)));
  search.refreshTexts();
}

/** Who is signed in, sign in/out, and the import button for editors. */
function renderUser(): void {
  const box = $('#user');
  const { me } = app;
  if (!me || !me.authEnabled) {
    box.replaceChildren();
    return;
  }
  const role = me.role ? t(`userRole.${me.role}`) : '—';
  if (me.firstRun) {
    box.replaceChildren(h('button', { type: 'button', id: 'first-admin', onclick: () => void firstAdminAndReload() }, t('firstAdmin')));
    return;
  }
  box.replaceChildren(
    me.canEdit ? h('button', { type: 'button', id: 'import-data', onclick: () => void importData() }, t('importData')) : '',
    me.signedIn ? h('span', {}, t('signedInAs', { name: me.name, role })) : '',
    me.signedIn
      ? h('button', { type: 'button', id: 'sign-out', onclick: () => void signOut().then(() => location.reload()) }, t('signOut'))
      : h('button', { type: 'button', id: 'sign-in', onclick: () => void signInAndReload() }, t('signIn')),
  );
}

async function signInAndReload(): Promise<void> {
  app.me = await askSignIn();
  renderUser();
  mapView.invalidate();
  await apply(app.state);
}

async function firstAdminAndReload(): Promise<void> {
  app.me = await askFirstAdmin();
  renderUser();
  mapView.invalidate();
  await apply(app.state);
}

async function importData(): Promise<void> {
  const report = await openImportDialog(document.body);
  if (!report) return;
  mapView.invalidate();
  await apply(app.state);
  setStatus(t('importDone'));
}

function renderControls(state: AppState): void {
  chainSelect.value = state.chain ?? '';
  areaSelect.value = state.area;
  for (const tab of document.querySelectorAll<HTMLButtonElement>('#view-tabs [data-view]')) {
    // the monthly report is a page of the pipeline (opened from its board)
    if (tab.dataset.view === (state.view === 'report' ? 'pipeline' : state.view)) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  for (const [name, el] of Object.entries(views)) el.hidden = name !== state.view;
  // Chain choice does not apply to the responsibility and target views.
  chainSelect.disabled = state.view !== 'map';
}

const notice = $('#notice');
function showNotice(text: string): void {
  notice.hidden = false;
  notice.replaceChildren(h('span', {}, text), h('button', { type: 'button', onclick: () => (notice.hidden = true) }, t('dismiss')));
}

/** A link to a chain that does not exist shows all chains, and says so. */
function knownChain(state: AppState): AppState {
  if (!state.chain || app.chains.length === 0 || app.chains.some((c) => c.id === state.chain)) return state;
  showNotice(t('unknownChain', { id: state.chain }));
  const fixed = updateState(state, { chain: null });
  history.replaceState(null, '', location.pathname + serializeState(fixed));
  return fixed;
}

/** A link to an area that is not one of the deployment's own shows all local areas, and says so. */
function knownArea(state: AppState): AppState {
  if (state.area === 'both' || localAreaChoices().length === 0 || isLocalArea(state.area)) return state;
  showNotice(t('unknownArea', { id: state.area }));
  const fixed = updateState(state, { area: 'both' });
  history.replaceState(null, '', location.pathname + serializeState(fixed));
  return fixed;
}

async function render(asked: AppState): Promise<void> {
  const state = knownArea(knownChain(asked));
  app.state = state;
  if (app.textsIn !== state.lang) {
    setLang(state.lang);
    applyTexts();
    renderUser();
    mapView.relabel();
    app.textsIn = state.lang;
  }
  renderControls(state);
  await mapView.render(state);
  if (state.view === 'responsibility') {
    await renderResponsibilityView(views.responsibility, state.area, state.sel, {
      openUnit: (unitId) => navigate({ sel: unitId }),
      openChain: (chainId) => navigate({ view: 'map', chain: chainId, sel: null, gap: null, cand: null }),
      openGap: (g) => navigate({ view: 'map', chain: g.chainId, gap: g.id, sel: g.segmentId, cand: null }),
    });
    if (state.sel?.startsWith('unit:')) await renderUnitProjects(views.responsibility, state.sel, openProject);
    setStatus('');
  } else if (state.view === 'targets') {
    await renderTargetsView(views.targets, state.area);
    setStatus('');
  } else if (state.view === 'pipeline') {
    await renderPipelineView(views.pipeline, state.area, state.sel, {
      canEdit: canEdit(),
      chains: app.chains,
      openProject,
      openReport: () => navigate({ view: 'report', sel: null }),
    });
    setStatus('');
  } else if (state.view === 'report') {
    await renderReportView(views.report, state.area, () => navigate({ view: 'pipeline', sel: null }));
    setStatus('');
  }
}

/** Renders states one after another, in the order asked. */
let rendering = Promise.resolve();
function apply(next: AppState): Promise<void> {
  rendering = rendering.then(() => render(next)).catch((e: unknown) => setStatus(errorText(e), true));
  return rendering;
}

function onSearchPick(hit: SearchHit): void {
  if (hit.kind === 'Chain') return navigate({ view: 'map', chain: hit.id });
  if (hit.kind === 'Unit') return navigate({ view: 'responsibility', sel: hit.id, gap: null, cand: null });
  if (hit.kind === 'Segment' && !mapView.controller.has(hit.id)) return navigate({ view: 'map', chain: null, sel: hit.id, gap: null, cand: null });
  navigate({ view: 'map', sel: hit.id, gap: null, cand: null });
}

const search = createSearchBox($<HTMLInputElement>('#search-input'), $<HTMLUListElement>('#search-list'), onSearchPick);

chainSelect.addEventListener('change', () => navigate({ chain: chainSelect.value || null }));
areaSelect.addEventListener('change', () => navigate({ area: areaSelect.value as AppState['area'] }));
for (const tab of document.querySelectorAll<HTMLButtonElement>('#view-tabs [data-view]')) {
  tab.addEventListener('click', () => navigate({ view: tab.dataset.view as AppState['view'], sel: null, gap: null, cand: null }));
}
$('#lang-toggle').addEventListener('click', () => navigate({ lang: getLang() === 'zh' ? 'en' : 'zh' }));
window.addEventListener('popstate', () => void apply(parseState(location.search)));

async function start(): Promise<void> {
  const initial = parseState(location.search || location.hash);
  setLang(initial.lang);
  applyTexts();
  setStatus(t('loading'));
  // Any request refused for want of a session opens the sign-in form, then retries.
  setAuthHandler(async () => {
    app.me = await askSignIn();
    renderUser();
  });
  try {
    app.me = (await fetchMe()) ?? (await askSignIn());
    [app.chains] = await Promise.all([fetchChains(), fetchLocalAreas().then(setLocalAreas)]);
    applyTexts();
  } catch (e) {
    setStatus(errorText(e), true);
  }
  await apply(initial);
}

void start();
