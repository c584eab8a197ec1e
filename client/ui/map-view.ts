import {
  exportCandidatesXlsx,
  fetchChainOverview,
  fetchEnterprise,
  fetchFeedsCycles,
  fetchGap,
  fetchGapAnalysis,
  fetchNeighbourhood,
  fetchResponsibility,
  fetchSegmentEnterprises,
  fetchShortestPath,
  fetchSupplierCandidates,
  type GapAnalysis,
  type SupplierCandidate,
  type SupplierCandidatePage,
} from '../api.ts';
import { createController, type GraphController } from '../graph/controller.ts';
import { createGraph, toCytoscapeElements } from '../graph/create-graph.ts';
import { buildCsv } from '../export/csv.ts';
import { captionPng, captionSvg, type MapCaption } from '../export/map-caption.ts';
import { STRENGTH_COLOURS } from '../graph/strength.ts';
import { GAP_STYLES } from '../graph/stylesheet.ts';
import { getLang, t, tMaybe } from '../i18n.ts';
import { candidateColumns, candidateHighlightIds, exportFileName, missingPathNodes, pathElements } from '../state/candidates.ts';
import { apiFilter, candidateFilter, setCandidateFilter } from '../state/candidate-filter.ts';
import { drawnGapCounts, gapKind, gapsAt, mapGaps, segmentDecorations, type GapKind, type MapGap } from '../state/map-model.ts';
import { DEFAULT_STATE, MAX_EXPANDED, type AppState } from '../state/url-state.ts';
import { download, errorText, h, loadInto } from './dom.ts';
import { candidateLeadButton, renderGapWork } from './gap-work.ts';
import { renderChainNotes } from './chain-notes.ts';
import { areaName, markCandidate, renderCandidatePanel, renderEnterprisePanel, renderLegend, renderSegmentPanel, type PanelActions } from './panels.ts';

/** What the map view may ask of the app shell. */
export interface MapViewHost {
  navigate(change: Partial<AppState>): void;
  setStatus(text: string, error?: boolean): void;
  /** Renders the current state again (retry after a failure). */
  rerender(): void;
  /** Whether the user may change gaps and projects (editors, or anyone with access control off). */
  canEdit(): boolean;
  /** The chain's name in the UI language (all chains for null). */
  chainName(chainId: string | null): string;
}

/**
 * Everything the map view knows besides the URL state: what is drawn and what
 * the panel, highlight and path bar last showed (so a render only redoes what
 * the new state changed).
 */
interface MapViewModel {
  /** The chain and area the canvas and gap analysis are for; null = draw again. */
  drawn: { chain: string | null; area: AppState['area'] } | null;
  analysis: GapAnalysis | null;
  /** Segments drawn with each gap border (the legend's numbers). */
  gapCounts: Record<GapKind, number> | null;
  /** Candidate list on the panel, when a gap is open. */
  candidates: SupplierCandidatePage | null;
  /** The state the panel, highlight and path last showed; null = not yet. */
  panelFor: AppState | null;
  highlightFor: { gap: string | null; cand: string | null; candidates: SupplierCandidatePage | null } | null;
  pathFor: { from: string | null; to: string | null } | null;
  /** Names of path ends picked from panels, for nodes not on the canvas. */
  pathNames: Map<string, string>;
  /** Nodes of `state.expanded` whose neighbours are on the current drawing. */
  expandedOn: Set<string>;
}

export interface MapView {
  readonly controller: GraphController;
  /** Shows `state` (does nothing but forget the panel while another view is shown). */
  render(state: AppState): Promise<void>;
  /** Forgets what is drawn (after an import or a sign-in), so the next render loads again. */
  invalidate(): void;
  /** Redraws labels and legend in the current language. */
  relabel(): void;
}

const areaId = (state: AppState): string | null => (state.area === 'both' ? null : state.area);

/** The chain map: canvas, legend, path bar and the detail panel, under `root` (#map-view). */
export function createMapView(root: HTMLElement, host: MapViewHost): MapView {
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const panel = $('#panel');
  const legend = $('#legend');
  const pathbar = $('#pathbar');
  const canvas = $('#cy');
  const mapError = $('#map-error');
  const controller = createController(createGraph(canvas));
  const model: MapViewModel = {
    drawn: null,
    analysis: null,
    gapCounts: null,
    candidates: null,
    panelFor: null,
    highlightFor: null,
    pathFor: null,
    pathNames: new Map(),
    expandedOn: new Set(),
  };
  let state: AppState = { ...DEFAULT_STATE, view: 'responsibility' };
  const { setStatus, navigate } = host;
  // On a phone the legend starts folded: open, it would cover the map.
  const legendOpen = () => legend.querySelector('details')?.open ?? !matchMedia('(max-width: 700px)').matches;

  /** Canvas area covered by the legend and the path bar, so fits keep highlighted nodes visible. */
  function overlayInsets(): { left: number; top: number } {
    const box = canvas.getBoundingClientRect();
    const l = legend.getBoundingClientRect();
    const p = pathbar.hidden ? null : pathbar.getBoundingClientRect();
    return { left: l.right - box.left + 8, top: p ? p.bottom - box.top + 8 : 0 };
  }

  async function loadMap(): Promise<void> {
    const key = { chain: state.chain, area: state.area };
    setStatus(t('loading'));
    legend.replaceChildren(...renderLegend(null, legendOpen()));
    const [overview, gaps, cycles] = await Promise.allSettled([
      fetchChainOverview(key.chain),
      fetchGapAnalysis(key.chain, areaId(state)),
      fetchFeedsCycles(key.chain),
    ]);
    if (state.chain !== key.chain || state.area !== key.area) return;
    if (overview.status === 'rejected') {
      // The old chain must not stay on the canvas as if it were the chosen one.
      model.drawn = null;
      await controller.show([]);
      showMapError(overview.reason);
      setStatus(errorText(overview.reason), true);
      return;
    }
    mapError.hidden = true;
    await controller.show(toCytoscapeElements(overview.value));
    model.drawn = key;
    model.expandedOn.clear();
    model.highlightFor = null;
    model.pathFor = null;
    const segments = t('segmentsShown', { n: overview.value.nodes.length });
    if (gaps.status === 'fulfilled') {
      model.analysis = gaps.value;
      const decorations = segmentDecorations(gaps.value);
      controller.decorateSegments(decorations);
      // Counted from the borders drawn (plan-named gaps included), so the legend matches the map.
      model.gapCounts = drawnGapCounts(decorations);
      legend.replaceChildren(
        ...renderLegend(model.gapCounts, legendOpen()),
        ...renderChainNotes(gaps.value, cycles.status === 'fulfilled' ? cycles.value : []),
      );
      setStatus(segments);
    } else {
      model.analysis = null;
      model.gapCounts = null;
      controller.decorateSegments(new Map());
      legend.replaceChildren(...renderLegend(null, legendOpen()), h('p', { className: 'error', role: 'alert' }, errorText(gaps.reason)));
      setStatus(`${segments} · ${errorText(gaps.reason)}`, true);
    }
  }

  function showMapError(reason: unknown): void {
    mapError.hidden = false;
    mapError.replaceChildren(
      h('strong', {}, t('mapLoadFailed')),
      h('span', {}, errorText(reason)),
      ...(navigator.onLine ? [] : [h('small', { className: 'hint' }, t('offlineHint'))]),
      h('button', { type: 'button', onclick: () => host.rerender() }, t('retry')),
    );
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
    model.expandedOn.add(id);
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
    controller.highlight(ids, { focus: candidate.enterpriseId, edgeLabel: (type) => tMaybe(`edgeType.${type}`, type) });
    controller.fit(ids, overlayInsets());
    if (missing.length) setStatus(t('pathShownPartly', { ids: missing.join(', ') }), true);
  }

  async function renderHighlight(): Promise<void> {
    const prev = model.highlightFor;
    if (prev && prev.gap === state.gap && prev.cand === state.cand && prev.candidates === model.candidates) return;
    model.highlightFor = { gap: state.gap, cand: state.cand, candidates: model.candidates };
    if (model.candidates) markCandidate(panel, state.cand);
    if (!state.cand || !model.candidates) {
      if (!state.from || !state.to) controller.clearHighlight();
      return;
    }
    const candidate = model.candidates.candidates.find((c) => c.enterpriseId === state.cand);
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
    const name = (id: string | null) => (id ? (model.pathNames.get(id) ?? controller.nameOf(id) ?? id) : '—');
    pathbar.hidden = false;
    pathbar.replaceChildren(
      h('strong', {}, t('path')),
      h('span', {}, `${t('pathFrom')}：${name(state.from)}`),
      h('span', {}, `${t('pathTo')}：${name(state.to)}`),
      h('span', { id: 'path-result', role: 'status' }),
      h('button', { type: 'button', onclick: () => navigate({ from: null, to: null }) }, t('clearPath')),
    );
  }

  /** Finds the name of a path end that is neither on the canvas nor picked from a panel (a deep link). */
  async function learnName(id: string): Promise<void> {
    if (model.pathNames.has(id) || controller.nameOf(id)) return;
    const nb = await fetchNeighbourhood(id, { depth: 1, limit: 20 }).catch(() => null);
    const node = nb?.nodes.find((n) => n.id === id);
    if (node) model.pathNames.set(id, getLang() === 'en' && typeof node.properties.nameEn === 'string' ? node.properties.nameEn : node.name);
  }

  async function renderPath(): Promise<void> {
    renderPathbar();
    if (model.pathFor && model.pathFor.from === state.from && model.pathFor.to === state.to) return;
    model.pathFor = { from: state.from, to: state.to };
    if (!state.from || !state.to) return;
    $('#path-result').textContent = t('loading');
    try {
      const [path] = await Promise.all([fetchShortestPath(state.from, state.to), learnName(state.from), learnName(state.to)]);
      renderPathbar();
      const result = $('#path-result');
      if (path.nodes.length === 0) {
        result.textContent = t('noPath');
        controller.clearHighlight();
        return;
      }
      const anchor = path.nodes.find((n) => controller.has(n.id))?.id ?? state.from;
      await controller.expand(anchor, toCytoscapeElements(path));
      const ids = [...path.nodes.map((n) => n.id), ...path.edges.map((e) => e.id)];
      controller.highlight(ids, { edgeLabel: (type) => tMaybe(`edgeType.${type}`, type) });
      controller.fit(ids, overlayInsets());
      renderPathbar();
      $('#path-result').textContent = t('pathLength', { n: path.edges.length });
    } catch (e) {
      $('#path-result').textContent = errorText(e);
    }
  }

  function findGap(id: string): MapGap | null {
    return model.analysis ? (mapGaps(model.analysis).find((g) => g.id === id) ?? null) : null;
  }

  const actions: PanelActions = {
    selectNode: (id) => navigate({ sel: id, gap: null, cand: null }),
    showCandidates: (gapId) => navigate({ gap: gapId, cand: null }),
    highlightCandidate: (id) => navigate({ cand: id }),
    // Kept in the URL, so a copied link shows the same neighbours; render() adds them.
    expand: (id) => navigate({ expanded: [...state.expanded.filter((x) => x !== id), id].slice(-MAX_EXPANDED) }),
    setPathEnd: (end, id, name) => {
      model.pathNames.set(id, name);
      navigate(end === 'from' ? { from: id } : { to: id });
    },
    exportCandidates: (format) => void exportCandidates(format),
    filterCandidates: (filter) => {
      setCandidateFilter(filter);
      if (state.gap) void renderCandidates(state.gap);
    },
    openUnit: (unitId) => navigate({ view: 'responsibility', sel: unitId, gap: null, cand: null }),
    back: () => navigate({ gap: null, cand: null }),
    gapWork: (g) =>
      renderGapWork(g, {
        canEdit: host.canEdit(),
        areaId: areaId(state),
        openProject,
        changed: () => {
          model.drawn = null;
          model.panelFor = null;
          host.rerender();
        },
      }),
    candidateLead: (gapId, enterpriseId) => (host.canEdit() ? candidateLeadButton(gapId, enterpriseId, { areaId: areaId(state), openProject }) : null),
  };

  function openProject(projectId: string): void {
    navigate({ view: 'pipeline', sel: projectId, gap: null, cand: null });
  }

  /**
   * CSV is built here from the list on screen, in the UI language. The .xlsx
   * 招商清单 comes from the server's exportTable, the same file as the CLI export.
   */
  async function exportCandidates(format: 'csv' | 'xlsx'): Promise<void> {
    const page = model.candidates;
    if (!page || !state.gap) return;
    const gap = findGap(state.gap);
    const segment = gap?.detected?.segmentName ?? gap?.saved?.segmentName ?? page.segmentIds.join('_');
    const name = exportFileName([t('investmentList'), segment, areaName(areaId(state))], format);
    if (format === 'csv') {
      download(name, buildCsv(candidateColumns(getLang()), page.candidates), 'text/csv;charset=utf-8');
      setStatus(t('exportDone', { file: name }));
      return;
    }
    setStatus(t('loading'));
    try {
      const file = await exportCandidatesXlsx(state.gap, areaId(state), apiFilter(candidateFilter()));
      download(name, file.bytes.buffer as ArrayBuffer, file.mimeType);
      setStatus(t('exportDone', { file: name }));
    } catch (e) {
      setStatus(errorText(e), true);
    }
  }

  /** Whether the panel shows something else for `next` than it showed for `prev`. */
  function panelChanged(prev: AppState | null, next: AppState): boolean {
    return !prev || prev.sel !== next.sel || prev.gap !== next.gap || prev.lang !== next.lang || prev.area !== next.area || prev.chain !== next.chain;
  }

  async function renderCandidates(gapId: string): Promise<void> {
    model.candidates = null;
    await loadInto(
      panel,
      async () => {
        const gap =
          findGap(gapId) ??
          (await fetchGap(gapId).then((g) =>
            g ? { id: g.id, kind: gapKind(g.kind), segmentId: g.segmentId, severity: null, detected: null, saved: g } : null,
          ));
        const page = await fetchSupplierCandidates({ gapId, first: 200, filter: apiFilter(candidateFilter()) });
        return { gap, page };
      },
      ({ gap, page }) => {
        model.candidates = page;
        const segmentId = gap?.segmentId ?? page.segmentIds[0] ?? '';
        const nameEn = getLang() === 'en' ? (controller.cy.getElementById(segmentId).data('nameEn') as string | undefined) : undefined;
        const segmentName = nameEn ?? gap?.detected?.segmentName ?? gap?.saved?.segmentName ?? controller.nameOf(segmentId) ?? segmentId;
        if (gap) controller.select(gap.segmentId);
        return renderCandidatePanel({ gap, segmentName, page, highlighted: state.cand, filter: candidateFilter() }, actions);
      },
    );
  }

  async function renderSegment(id: string): Promise<void> {
    controller.select(id, true);
    const { analysis } = model;
    const area = areaId(state);
    await loadInto(
      panel,
      async () => {
        const chainId = state.chain ?? (controller.cy.getElementById(id).data('chainIds') as string[] | undefined)?.[0] ?? null;
        const hasGaps = analysis ? gapsAt(analysis, id).length > 0 : false;
        const [local, external, chainUnits] = await Promise.all([
          fetchSegmentEnterprises(id, true, area),
          fetchSegmentEnterprises(id, false, null),
          !hasGaps && chainId
            ? fetchResponsibility(chainId).then((r) => r.areas.filter((a) => !area || a.areaId === area).flatMap((a) => [...a.leads, ...a.supports]))
            : Promise.resolve(null),
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
  }

  async function renderEnterprise(id: string): Promise<void> {
    await loadInto(
      panel,
      async () => {
        const enterprise = await fetchEnterprise(id);
        if (enterprise) await ensureOnCanvas(id).catch(() => undefined);
        return enterprise;
      },
      (enterprise) => {
        if (!enterprise) return h('p', { className: 'error', role: 'alert' }, t('notFound', { id }));
        controller.select(id, true);
        return renderEnterprisePanel(enterprise, actions);
      },
    );
  }

  async function renderPanel(): Promise<void> {
    if (!panelChanged(model.panelFor, state)) return;
    model.panelFor = state;
    if (state.gap) return renderCandidates(state.gap);
    model.candidates = null;
    if (!state.sel) {
      controller.select(null);
      panel.replaceChildren(h('p', { className: 'hint' }, t('noSelection')));
      return;
    }
    const label = controller.cy.getElementById(state.sel).data('label') ?? (state.sel.startsWith('seg:') ? 'Segment' : 'Enterprise');
    return label === 'Segment' ? renderSegment(state.sel) : renderEnterprise(state.sel);
  }

  // What failed while offline loads again when the network is back.
  window.addEventListener('online', () => {
    if (state.view === 'map' && !model.drawn) host.rerender();
  });
  controller.on('tap', (e) => {
    if (e.label === 'Segment' || e.label === 'Enterprise') navigate({ sel: e.id, gap: null, cand: null });
  });
  controller.on('background', () => {
    if (state.cand) navigate({ cand: null });
  });
  /** Title, chain, area, date and legend printed on exported images. */
  function caption(): MapCaption {
    const strengths = ['strong', 'medium', 'weak', 'none', 'unknown'] as const;
    const counts = model.gapCounts;
    return {
      title: t('appTitle'),
      subtitle: [host.chainName(state.chain), areaName(areaId(state)), t('exportedOn', { date: new Date().toISOString().slice(0, 10) })].join(' · '),
      legend: [
        ...strengths.map((k) => ({ label: t(`strength.${k}`), fill: STRENGTH_COLOURS[k] })),
        ...(['fill', 'strengthen', 'extend'] as const).map((k) => ({
          label: `${t(`gap.${k}`)}${counts ? ` ${counts[k]}` : ''}`,
          fill: '#ffffff',
          border: { colour: GAP_STYLES[k].colour, style: GAP_STYLES[k].border },
        })),
      ],
    };
  }
  const imageName = (ext: string) => exportFileName([t('appTitle'), host.chainName(state.chain), areaName(areaId(state))], ext);
  $('#export-png').addEventListener('click', () => {
    void captionPng(controller.exportPng(), caption()).then(
      (png) => download(imageName('png'), png, 'image/png'),
      (e: unknown) => setStatus(errorText(e), true),
    );
  });
  $('#export-svg').addEventListener('click', () => {
    download(imageName('svg'), captionSvg(controller.exportSvg(), caption()), 'image/svg+xml');
  });
  $('#copy-link').addEventListener('click', () => {
    navigator.clipboard?.writeText(location.href).then(
      () => setStatus(t('linkCopied')),
      () => setStatus(location.href),
    );
  });

  return {
    controller,
    async render(next) {
      state = next;
      if (state.view !== 'map') {
        // Coming back to the map redraws the panel, which other views' links may have changed.
        model.panelFor = null;
        return;
      }
      const { drawn } = model;
      if (!drawn || drawn.chain !== state.chain || drawn.area !== state.area) {
        model.panelFor = null;
        await loadMap();
      }
      if (model.drawn) for (const id of state.expanded) if (!model.expandedOn.has(id)) await expand(id);
      await renderPanel();
      await renderHighlight();
      await renderPath();
    },
    invalidate() {
      model.drawn = null;
    },
    relabel() {
      controller.relabel(getLang());
      if (model.drawn) legend.replaceChildren(...renderLegend(model.gapCounts, legendOpen()));
    },
  };
}
