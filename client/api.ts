/** The only place that calls the server. Types mirror server/graphql/schema/*.graphql. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

let authHandler: (() => Promise<void>) | null = null;
let pendingAuth: Promise<void> | null = null;

/**
 * Called when a request is refused as UNAUTHENTICATED (the session expired, or
 * users exist and nobody signed in); the request is retried once after it
 * resolves. Concurrent refusals share one call.
 */
export function setAuthHandler(handler: (() => Promise<void>) | null): void {
  authHandler = handler;
}

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  try {
    return await request<T>(query, variables);
  } catch (e) {
    if (!(e instanceof ApiError && e.code === 'UNAUTHENTICATED') || !authHandler || /\bsignIn\b/.test(query)) throw e;
    pendingAuth ??= authHandler().finally(() => (pendingAuth = null));
    await pendingAuth;
    return request<T>(query, variables);
  }
}

/** Sent with every request: the server's CSRF check requires it on anything but a JSON POST. */
const CSRF_HEADER = { 'x-graphql-csrf': '1' };

async function request<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  return send<T>({ 'content-type': 'application/json' }, JSON.stringify({ query, variables }));
}

async function send<T>(headers: Record<string, string>, body: BodyInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', { method: 'POST', credentials: 'same-origin', headers: { ...CSRF_HEADER, ...headers }, body });
  } catch (e) {
    throw new ApiError(`network: ${(e as Error).message}`, 'NETWORK');
  }
  let parsed: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    parsed = (await response.json()) as typeof parsed;
  } catch {
    throw new ApiError(`HTTP ${response.status}`, 'HTTP');
  }
  const first = parsed.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code);
  if (!parsed.data) throw new ApiError(`HTTP ${response.status}`);
  return parsed.data;
}

export type ImportKind = 'ENTERPRISES' | 'OPERATES' | 'SUPPLIES' | 'SEGMENTS';
export const IMPORT_KINDS: readonly ImportKind[] = ['ENTERPRISES', 'OPERATES', 'SUPPLIES', 'SEGMENTS'];
/** The server's upload limit for imports. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export interface ImportCounts { rows: number; create: number; update: number; unchanged: number; reject: number; warnings: number }
export interface ImportIssue { row: number | null; column: string | null; value: string | null; severity: string; message: string; messageEn: string }
export interface ImportReport {
  committed: boolean;
  dryRun: boolean;
  notCommittedReason: string | null;
  notCommittedReasonEn: string | null;
  counts: ImportCounts;
  issues: ImportIssue[];
  items: { row: number; action: string; label: string }[];
}

// The cost limit counts list sizes: 200 issues and 50 items keep this under it; the counts cover every row.
const IMPORT_MUTATION = `mutation ImportFile($file: File!, $kind: ImportKind!, $dryRun: Boolean!, $options: ImportOptions) {
  importFile(file: $file, kind: $kind, dryRun: $dryRun, options: $options) {
    committed dryRun notCommittedReason notCommittedReasonEn
    counts { rows create update unchanged reject warnings }
    issues(first: 200) { row column value severity message messageEn }
    items(first: 50, actions: [CREATE, UPDATE, REJECT]) { row action label }
  }
}`;

/** Uploads a file for import (GraphQL multipart request); a dry run only reports. */
export async function importFile(file: File, kind: ImportKind, dryRun: boolean, options: { skipInvalid: boolean; unit: string }): Promise<ImportReport> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: IMPORT_MUTATION, variables: { file: null, kind, dryRun, options } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', file, file.name);
  return (await send<{ importFile: ImportReport }>({}, form)).importFile;
}

export interface ChainSummary {
  id: string;
  name: string;
  nameEn: string | null;
  segmentCount: number;
}

export interface GraphNode {
  id: string;
  label: string;
  name: string;
  properties: Record<string, unknown>;
}

export interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

export interface GraphElements {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const ELEMENTS = 'nodes { id label name properties } edges { id type source target properties }';

export function fetchChains(): Promise<ChainSummary[]> {
  return graphql<{ chains: ChainSummary[] }>('{ chains { id name nameEn segmentCount } }').then((d) => d.chains);
}

export function fetchChainOverview(chainId: string | null): Promise<GraphElements> {
  return graphql<{ chainOverview: GraphElements }>(`query($chainId: ID) { chainOverview(chainId: $chainId) { ${ELEMENTS} } }`, { chainId }).then(
    (d) => d.chainOverview,
  );
}

// ---- gaps.graphql / responsibility.graphql -------------------------------------------------

export type GapKindApi = 'FILL' | 'EXTEND' | 'STRENGTHEN';
export type GapStatusApi = 'OPEN' | 'IN_PROGRESS' | 'FILLED' | 'DISMISSED';

export interface UnitRole {
  unitId: string;
  unitName: string;
  role: 'LEAD' | 'SUPPORT';
  areaId: string | null;
  taskId: string | null;
  taskNo: number | null;
  taskName: string | null;
  chainId: string | null;
}

export interface SegmentAnalysis {
  segmentId: string;
  name: string;
  nameEn: string | null;
  stage: string | null;
  chainIds: string[];
  localEnterpriseIds: string[];
  localCount: number;
  localOutput: number;
  hasLeader: boolean;
  leaderIds: string[];
  externalSupplierIds: string[];
  localBuyerIds: string[];
  outsideShare: number | null;
  presence: string;
}

export interface Evidence {
  nodeIds: string[];
  edgeIds: string[];
}

export interface DetectedGap {
  id: string;
  kind: GapKindApi;
  segmentId: string;
  segmentName: string;
  chainIds: string[];
  areaId: string | null;
  severity: number;
  components: { name: string; value: number; weight: number }[];
  reasonZh: string;
  reasonEn: string;
  evidence: Evidence;
  responsible: UnitRole[];
  saved: boolean;
  status: GapStatusApi | null;
  /** Saved copies of the gap (e.g. the plan's gap of the same segment and area), whose ids status changes use. */
  savedGaps?: { id: string; note: string | null }[];
}

export interface SavedGap {
  id: string;
  kind: GapKindApi;
  status: GapStatusApi;
  origin: string | null;
  note: string | null;
  reason: string | null;
  source: string | null;
  sourceText: string | null;
  segmentId: string;
  segmentName: string;
  chainId: string | null;
  chainName: string | null;
  areaId: string | null;
  areaName: string | null;
  taskId: string | null;
  taskName: string | null;
  responsible: UnitRole[];
}

export interface GapAnalysis {
  chainId: string | null;
  areaId: string | null;
  segments: SegmentAnalysis[];
  gaps: DetectedGap[];
  undetectedSavedGaps: SavedGap[];
  counts: { fill: number; extend: number; strengthen: number };
}

// `via` is not asked for: the UI does not use it, and saved gaps' units returned it as null (a server bug) which failed the whole query.
const UNIT_ROLE = 'unitId unitName role areaId taskId taskNo taskName chainId';
const SAVED_GAP = `id kind status origin note reason source sourceText segmentId segmentName chainId chainName areaId areaName taskId taskName responsible { ${UNIT_ROLE} }`;

/** `areaId` null = both plan areas. */
export function fetchGapAnalysis(chainId: string | null, areaId: string | null): Promise<GapAnalysis> {
  return graphql<{ gapAnalysis: GapAnalysis }>(
    `query($chainId: ID, $areaId: ID) { gapAnalysis(chainId: $chainId, areaId: $areaId) {
      chainId areaId
      segments { segmentId name nameEn stage chainIds localEnterpriseIds localCount localOutput hasLeader leaderIds externalSupplierIds localBuyerIds outsideShare presence }
      gaps { id kind segmentId segmentName chainIds areaId severity components { name value weight } reasonZh reasonEn evidence { nodeIds edgeIds } responsible { ${UNIT_ROLE} } saved status savedGaps { id note } }
      undetectedSavedGaps { ${SAVED_GAP} }
      counts { fill extend strengthen } } }`,
    { chainId, areaId },
  ).then((d) => d.gapAnalysis);
}

export function fetchGap(id: string): Promise<SavedGap | null> {
  return graphql<{ gap: SavedGap | null }>(`query($id: ID!) { gap(id: $id) { ${SAVED_GAP} } }`, { id }).then((d) => d.gap);
}

export interface AreaResponsibility {
  areaId: string | null;
  leads: UnitRole[];
  supports: UnitRole[];
}

export interface Responsibility {
  nodeId: string;
  kind: string;
  name: string | null;
  areas: AreaResponsibility[];
}

export function fetchResponsibility(nodeId: string): Promise<Responsibility> {
  return graphql<{ responsibility: Responsibility }>(
    `query($id: ID!) { responsibility(nodeId: $id) { nodeId kind name areas { areaId leads { ${UNIT_ROLE} } supports { ${UNIT_ROLE} } } } }`,
    { id: nodeId },
  ).then((d) => d.responsibility);
}

export interface UnitOverview {
  id: string;
  name: string;
  areaId: string | null;
  duties: UnitRole[];
  chains: { id: string; name: string }[];
  openGaps: SavedGap[];
}

export function fetchUnit(id: string): Promise<UnitOverview | null> {
  return graphql<{ unit: UnitOverview | null }>(
    `query($id: ID!) { unit(id: $id) { id name areaId duties { ${UNIT_ROLE} } chains { id name } openGaps { ${SAVED_GAP} } } }`,
    { id },
  ).then((d) => d.unit);
}

// ---- suppliers.graphql ----------------------------------------------------------------------

export interface ScoreComponent {
  name: string;
  value: number;
  weight: number;
  detail: string;
}

export interface SupplierCandidate {
  rank: number;
  enterpriseId: string;
  name: string;
  shortName: string | null;
  uscc: string | null;
  region: string | null;
  province: string | null;
  city: string | null;
  output: number | null;
  aboveScale: boolean;
  tags: string[];
  sample: boolean;
  segmentIds: string[];
  segmentNames: string[];
  score: number;
  components: ScoreComponent[];
  reasonZh: string;
  reasonEn: string;
  path: Evidence;
}

export interface SupplierCandidatePage {
  segmentIds: string[];
  areaId: string | null;
  totalCount: number;
  candidates: SupplierCandidate[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export function fetchSupplierCandidates(args: { gapId?: string | null; segmentId?: string | null; areaId?: string | null; first?: number }): Promise<SupplierCandidatePage> {
  return graphql<{ supplierCandidates: SupplierCandidatePage }>(
    `query($gapId: ID, $segmentId: ID, $areaId: ID, $first: Int) { supplierCandidates(gapId: $gapId, segmentId: $segmentId, areaId: $areaId, first: $first) {
      segmentIds areaId totalCount endCursor hasNextPage
      candidates { rank enterpriseId name shortName uscc region province city output aboveScale tags sample segmentIds segmentNames score
        components { name value weight detail } reasonZh reasonEn path { nodeIds edgeIds } } } }`,
    { gapId: args.gapId ?? null, segmentId: args.segmentId ?? null, areaId: args.areaId ?? null, first: args.first ?? 50 },
  ).then((d) => d.supplierCandidates);
}

// ---- enterprises.graphql --------------------------------------------------------------------

export interface SupplyLink {
  enterprise: { id: string; name: string; shortName: string | null; local: boolean | null; region: string | null };
  product: string | null;
  share: number | null;
}

export interface Enterprise {
  id: string;
  name: string;
  shortName: string | null;
  uscc: string | null;
  local: boolean | null;
  region: string | null;
  province: string | null;
  city: string | null;
  output: number | null;
  aboveScale: boolean | null;
  tags: string[];
  founded: string | null;
  origin: string | null;
  sample: boolean;
  area: { id: string; name: string; nameEn: string | null } | null;
  segments: { segment: { id: string; name: string; nameEn: string | null; stage: string | null; chainIds: string[] }; role: string | null }[];
  suppliers: SupplyLink[];
  customers: SupplyLink[];
}

const SUPPLY = 'enterprise { id name shortName local region } product share';

export function fetchEnterprise(id: string): Promise<Enterprise | null> {
  return graphql<{ enterprise: Enterprise | null }>(
    `query($id: ID!) { enterprise(id: $id) { id name shortName uscc local region province city output aboveScale tags founded origin sample
      area { id name nameEn } segments { segment { id name nameEn stage chainIds } role } suppliers { ${SUPPLY} } customers { ${SUPPLY} } } }`,
    { id },
  ).then((d) => d.enterprise);
}

export interface EnterpriseListItem {
  id: string;
  name: string;
  shortName: string | null;
  local: boolean | null;
  region: string | null;
  city: string | null;
  output: number | null;
  tags: string[];
  origin: string | null;
  sample: boolean;
  segments: { segment: { id: string }; role: string | null }[];
}

/** Enterprises of a segment; `local` true/false splits local and external; `areaId` limits to an area. */
export function fetchSegmentEnterprises(segmentId: string, local: boolean, areaId: string | null): Promise<{ items: EnterpriseListItem[]; totalCount: number }> {
  return graphql<{ enterprises: { items: EnterpriseListItem[]; totalCount: number } }>(
    `query($filter: EnterpriseFilter) { enterprises(filter: $filter, first: 100) { totalCount items { id name shortName local region city output tags origin sample segments { segment { id } role } } } }`,
    { filter: { segmentId, local, ...(local && areaId ? { areaId } : {}) } },
  ).then((d) => d.enterprises);
}

// ---- explore.graphql ------------------------------------------------------------------------

export type SearchKind = 'Enterprise' | 'Segment' | 'Chain' | 'Unit';

export interface SearchHit {
  kind: SearchKind;
  id: string;
  name: string;
  shortName: string | null;
  match: 'EXACT' | 'PREFIX' | 'CONTAINS';
  context: string | null;
  areas: string[];
  chains: string[];
}

export function search(text: string, limit = 12): Promise<SearchHit[]> {
  return graphql<{ search: SearchHit[] }>(
    'query($text: String!, $limit: Int) { search(text: $text, limit: $limit) { kind id name shortName match context areas chains } }',
    { text, limit },
  ).then((d) => d.search);
}

export interface Neighbourhood extends GraphElements {
  centerId: string;
  truncated: boolean;
}

export function fetchNeighbourhood(id: string, options: { depth?: number; limit?: number; labels?: string[] } = {}): Promise<Neighbourhood> {
  return graphql<{ neighbourhood: Neighbourhood }>(
    `query($id: ID!, $depth: Int, $limit: Int, $filter: NeighbourhoodFilter) { neighbourhood(id: $id, depth: $depth, limit: $limit, filter: $filter) { centerId truncated ${ELEMENTS} } }`,
    { id, depth: options.depth ?? 1, limit: options.limit ?? 500, filter: options.labels ? { labels: options.labels } : null },
  ).then((d) => d.neighbourhood);
}

export function fetchShortestPath(fromId: string, toId: string): Promise<GraphElements> {
  return graphql<{ shortestPath: GraphElements }>(`query($from: ID!, $to: ID!) { shortestPath(fromId: $from, toId: $to) { ${ELEMENTS} } }`, {
    from: fromId,
    to: toId,
  }).then((d) => d.shortestPath);
}

/**
 * Lead and supporting units of every task of the plan (三、重点任务 has 18,
 * ids task:1 … task:18), in one request of aliased `responsibility` fields.
 */
export const PLAN_TASK_COUNT = 18;

/** The server allows at most 15 aliases per request (graphql-armor), so tasks go in batches. */
const ALIAS_BATCH = 9;

export async function fetchTaskResponsibilities(count = PLAN_TASK_COUNT): Promise<Responsibility[]> {
  const ids = Array.from({ length: count }, (_, i) => i + 1);
  const batches: number[][] = [];
  for (let i = 0; i < ids.length; i += ALIAS_BATCH) batches.push(ids.slice(i, i + ALIAS_BATCH));
  const results = await Promise.all(
    batches.map((batch) =>
      graphql<Record<string, Responsibility>>(
        `{ ${batch.map((n) => `t${n}: responsibility(nodeId: "task:${n}") { nodeId kind name areas { areaId leads { ${UNIT_ROLE} } supports { ${UNIT_ROLE} } } }`).join('\n')} }`,
      ),
    ),
  );
  return results.flatMap((d) => Object.values(d));
}

// ---- targets.graphql ------------------------------------------------------------------------

export interface ProgressRecord {
  id: string;
  value: number;
  date: string;
  source: string | null;
  note: string | null;
}

export interface TargetProgress {
  target: {
    id: string;
    name: string;
    value: number;
    unit: string | null;
    deadline: string | null;
    group: string | null;
    metric: string | null;
    source: string | null;
    sourceText: string | null;
    area: { id: string; name: string; nameEn: string | null } | null;
    wholeId: string | null;
  };
  value: number;
  unit: string | null;
  current: number | null;
  currentSource: 'COMPUTED' | 'RECORDED' | 'NONE';
  ratio: number | null;
  history: ProgressRecord[];
  parts: TargetProgress[];
}

const TARGET_FIELDS = `target { id name value unit deadline group metric source sourceText area { id name nameEn } wholeId }
  value unit current currentSource ratio history { id value date source note }`;

/** Whole targets with their per-area parts (areaId null), or the parts counting for one area. */
export function fetchTargets(areaId: string | null): Promise<TargetProgress[]> {
  return graphql<{ targets: TargetProgress[] }>(`query($areaId: ID) { targets(areaId: $areaId) { ${TARGET_FIELDS} parts { ${TARGET_FIELDS} } } }`, { areaId }).then(
    (d) => d.targets,
  );
}

// ---- import.graphql (export) ----------------------------------------------------------------

export interface ExportedFile {
  filename: string;
  mimeType: string;
  bytes: Uint8Array;
}

/**
 * The 招商清单 as the server writes it (all pages; bold frozen header,
 * auto-filter, codes as text), the same file `npm run export -- candidates` gives.
 */
export function exportCandidatesXlsx(gapId: string, areaId: string | null): Promise<ExportedFile> {
  return graphql<{ exportTable: { filename: string; mimeType: string; base64: string } }>(
    'query($gapId: ID, $areaId: ID) { exportTable(kind: CANDIDATES, format: XLSX, gapId: $gapId, areaId: $areaId) { filename mimeType base64 } }',
    { gapId, areaId },
  ).then(({ exportTable: f }) => ({ filename: f.filename, mimeType: f.mimeType, bytes: Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0)) }));
}

// ---- auth.graphql ---------------------------------------------------------------------------

/** Who the browser acts as. `null` from `fetchMe` means: sign in first. */
export interface Me {
  name: string;
  role: 'viewer' | 'editor' | 'admin' | null;
  kind: string;
  signedIn: boolean;
  canEdit: boolean;
  canAdmin: boolean;
  authEnabled: boolean;
  openMode: boolean;
}

const ME = 'name role kind signedIn canEdit canAdmin authEnabled openMode';

export function fetchMe(): Promise<Me | null> {
  return graphql<{ me: Me | null }>(`{ me { ${ME} } }`).then((d) => d.me);
}

/** Sets the HttpOnly session cookie; wrong name or password gives UNAUTHENTICATED. */
export function signIn(name: string, password: string): Promise<Me> {
  return graphql<{ signIn: Me }>(`mutation($name: String!, $password: String!) { signIn(name: $name, password: $password) { ${ME} } }`, { name, password }).then(
    (d) => d.signIn,
  );
}

export function signOut(): Promise<boolean> {
  return graphql<{ signOut: boolean }>('mutation { signOut }').then((d) => d.signOut);
}

/** Whether an error means "nobody (valid) is signed in". */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'UNAUTHENTICATED';
}

// ---- projects.graphql, target-baselines.graphql (招商 pipeline) ----------------------------

export type ProjectStageApi = 'LEAD' | 'NEGOTIATING' | 'SIGNED' | 'STARTED' | 'PRODUCING' | 'DROPPED';
export const PROJECT_STAGES_API: readonly ProjectStageApi[] = ['LEAD', 'NEGOTIATING', 'SIGNED', 'STARTED', 'PRODUCING', 'DROPPED'];
export type ProjectElementApi = 'BASE' | 'RND' | 'SALES' | 'LISTED' | 'SUPPLIERS' | 'FUND';
export const PROJECT_ELEMENTS_API: readonly ProjectElementApi[] = ['BASE', 'RND', 'SALES', 'LISTED', 'SUPPLIERS', 'FUND'];

export interface NamedRef {
  id: string;
  name: string | null;
  nameEn?: string | null;
}

export interface ProjectEventApi {
  at: string;
  date: string | null;
  actor: string;
  kind: string;
  from: ProjectStageApi | null;
  to: ProjectStageApi | null;
  note: string | null;
}

export interface Project {
  id: string;
  name: string;
  investorName: string | null;
  investor: NamedRef | null;
  area: NamedRef | null;
  chains: NamedRef[];
  segments: NamedRef[];
  gapIds: string[];
  leadUnit: NamedRef | null;
  lookAfterUnits: NamedRef[];
  investment: number | null;
  plannedOutput: number | null;
  stage: ProjectStageApi;
  droppedFrom: ProjectStageApi | null;
  dropReason: string | null;
  leadAt: string | null;
  negotiatingAt: string | null;
  signedAt: string | null;
  startedAt: string | null;
  producingAt: string | null;
  droppedAt: string | null;
  elements: ProjectElementApi[];
  notes: string | null;
  origin: string | null;
  lastActivityAt: string | null;
}

const PROJECT = `id name investorName investor { id name } area { id name nameEn } chains { id name nameEn } segments { id name nameEn } gapIds
  leadUnit { id name } lookAfterUnits { id name } investment plannedOutput stage droppedFrom dropReason
  leadAt negotiatingAt signedAt startedAt producingAt droppedAt elements notes origin lastActivityAt`;

export interface ProjectFilterApi {
  stages?: ProjectStageApi[] | null;
  areaId?: string | null;
  chainId?: string | null;
  segmentId?: string | null;
  unitId?: string | null;
  gapId?: string | null;
  minInvestment?: number | null;
  maxInvestment?: number | null;
}

export interface PipelineBoardApi {
  totalCount: number;
  stalledDays: number;
  columns: { stage: ProjectStageApi; count: number; investment: number; unknownInvestment: number; stalled: number; projects: Project[] }[];
  stalled: Project[];
}

export function fetchPipelineBoard(filter: ProjectFilterApi, perStage: number, stalledDays: number | null): Promise<PipelineBoardApi> {
  return graphql<{ pipelineBoard: PipelineBoardApi }>(
    `query($filter: ProjectFilter, $perStage: Int, $stalledDays: Int) { pipelineBoard(filter: $filter, perStage: $perStage, stalledDays: $stalledDays) {
      totalCount stalledDays columns { stage count investment unknownInvestment stalled projects { ${PROJECT} } } stalled { ${PROJECT} } } }`,
    { filter, perStage, stalledDays },
  ).then((d) => d.pipelineBoard);
}

export function fetchProjects(filter: ProjectFilterApi, first = 200): Promise<{ totalCount: number; items: Project[] }> {
  return graphql<{ projects: { totalCount: number; items: Project[] } }>(
    `query($filter: ProjectFilter, $first: Int) { projects(filter: $filter, first: $first) { totalCount items { ${PROJECT} } } }`,
    { filter, first },
  ).then((d) => d.projects);
}

export function fetchProject(id: string): Promise<(Project & { events: ProjectEventApi[] }) | null> {
  return graphql<{ project: (Project & { events: ProjectEventApi[] }) | null }>(
    `query($id: ID!) { project(id: $id) { ${PROJECT} events { at date actor kind from to note } } }`,
    { id },
  ).then((d) => d.project);
}

export interface ProjectInputApi {
  name?: string | null;
  investorId?: string | null;
  investorName?: string | null;
  areaId?: string | null;
  chainIds?: string[] | null;
  segmentIds?: string[] | null;
  gapIds?: string[] | null;
  leadUnitId?: string | null;
  lookAfterUnitIds?: string[] | null;
  investment?: number | null;
  plannedOutput?: number | null;
  elements?: ProjectElementApi[] | null;
  notes?: string | null;
}

export function createProject(input: ProjectInputApi): Promise<Project> {
  return graphql<{ createProject: Project }>(`mutation($input: ProjectInput!) { createProject(input: $input) { ${PROJECT} } }`, { input }).then((d) => d.createProject);
}

export function updateProject(id: string, input: ProjectInputApi): Promise<Project> {
  return graphql<{ updateProject: Project }>(`mutation($id: ID!, $input: ProjectInput!) { updateProject(id: $id, input: $input) { ${PROJECT} } }`, { id, input }).then(
    (d) => d.updateProject,
  );
}

export function changeProjectStage(id: string, stage: ProjectStageApi, args: { date?: string | null; note?: string | null; reason?: string | null }): Promise<Project> {
  return graphql<{ changeProjectStage: Project }>(
    `mutation($id: ID!, $stage: ProjectStage!, $date: String, $note: String, $reason: String) { changeProjectStage(id: $id, stage: $stage, date: $date, note: $note, reason: $reason) { ${PROJECT} } }`,
    { id, stage, ...args },
  ).then((d) => d.changeProjectStage);
}

export function addProjectNote(id: string, note: string): Promise<Project> {
  return graphql<{ addProjectNote: Project }>(`mutation($id: ID!, $note: String!) { addProjectNote(id: $id, note: $note) { ${PROJECT} } }`, { id, note }).then((d) => d.addProjectNote);
}

export function startLead(args: { enterpriseId?: string | null; gapId?: string | null; areaId?: string | null }): Promise<Project> {
  return graphql<{ startLead: Project }>(`mutation($enterpriseId: ID, $gapId: ID, $areaId: ID) { startLead(enterpriseId: $enterpriseId, gapId: $gapId, areaId: $areaId) { ${PROJECT} } }`, args).then(
    (d) => d.startLead,
  );
}

export interface GapProjectsApi {
  gapId: string;
  projects: Project[];
  fillProposedBy: Project[];
}

export function fetchGapProjects(gapId: string): Promise<GapProjectsApi> {
  return graphql<{ gapProjects: GapProjectsApi }>(`query($gapId: ID!) { gapProjects(gapId: $gapId) { gapId projects { ${PROJECT} } fillProposedBy { ${PROJECT} } } }`, { gapId }).then(
    (d) => d.gapProjects,
  );
}

/** Saves a detected gap first when needed (SaveGapInput), then sets status, note and units. */
export function saveGapWork(gap: { id: string; saved: boolean; kind: GapKindApi; segmentId: string; areaId: string | null; chainId?: string | null }, work: { status: GapStatusApi; note: string | null; leadUnitIds: string[]; supportUnitIds: string[] }): Promise<SavedGap> {
  if (gap.saved) {
    return graphql<{ setGapStatus: SavedGap }>(
      `mutation($id: ID!, $status: GapStatus!, $note: String, $lead: [ID!], $support: [ID!]) { setGapStatus(id: $id, status: $status, note: $note, leadUnitIds: $lead, supportUnitIds: $support) { ${SAVED_GAP} } }`,
      { id: gap.id, status: work.status, note: work.note, lead: work.leadUnitIds, support: work.supportUnitIds },
    ).then((d) => d.setGapStatus);
  }
  return graphql<{ saveGap: SavedGap }>(`mutation($input: SaveGapInput!) { saveGap(input: $input) { ${SAVED_GAP} } }`, {
    input: { kind: gap.kind, segmentId: gap.segmentId, areaId: gap.areaId, chainId: gap.chainId ?? null, status: work.status, note: work.note, leadUnitIds: work.leadUnitIds, supportUnitIds: work.supportUnitIds, origin: 'ANALYSIS' },
  }).then((d) => d.saveGap);
}

export interface Rate {
  value: number | null;
  numerator: number;
  denominator: number;
}

export function fetchProjectIndicators(areaId: string | null): Promise<{ signedToStarted: Rate; startedToProducing: Rate }> {
  return graphql<{ projectIndicators: { signedToStarted: Rate; startedToProducing: Rate } }>(
    `query($areaId: ID) { projectIndicators(areaId: $areaId) { signedToStarted { value numerator denominator } startedToProducing { value numerator denominator } } }`,
    { areaId },
  ).then((d) => d.projectIndicators);
}

export interface TargetBasis {
  target: { id: string; name: string; unit: string | null; area: { id: string; name: string; nameEn: string | null } | null };
  value: number;
  current: number | null;
  ratio: number | null;
  currentSource: 'COMPUTED' | 'RECORDED' | 'NONE';
  counts: 'STOCK' | 'INCREASE' | 'PROJECTS';
  since: string | null;
  asOf: string | null;
  baseline: { value: number; date: string; origin: string | null; source: string | null } | null;
  byYear: { year: number | null; value: number }[] | null;
  expectedRatio: number;
  behindPace: boolean | null;
}

const TARGET_BASIS = `target { id name unit area { id name nameEn } } value current ratio currentSource counts since asOf baseline { value date origin source } byYear { year value } expectedRatio behindPace`;

/** How each figure is measured (computed / recorded, since when), per whole target and part. */
export function fetchTargetBasis(areaId: string | null): Promise<(TargetBasis & { parts: TargetBasis[] })[]> {
  return graphql<{ targets: (TargetBasis & { parts: TargetBasis[] })[] }>(`query($areaId: ID) { targets(areaId: $areaId) { ${TARGET_BASIS} parts { ${TARGET_BASIS} } } }`, { areaId }).then(
    (d) => d.targets,
  );
}
