/**
 * The only place that calls the server. Every document is written with `gql`
 * and checked against server/graphql/schema/*.graphql by `npm run codegen`,
 * which generates its result and variable types (client/generated/, not checked in).
 */
import { gql } from './generated/index.ts';
import type { GapKind as GapKindApi, GapStatus as GapStatusApi } from './generated/graphql.ts';
import type { CandidateFilter, ImportKind, ProjectElement, ProjectFilter, ProjectInput, ProjectStage, TypedDocumentString } from './generated/graphql.ts';

export type { CandidateFilter };

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

/** What a checked document answers. */
type ResultOf<D> = D extends TypedDocumentString<infer R, infer _V> ? R : never;

/** Runs a checked document: its variables and result are typed from the schema. */
export function execute<R, V>(document: TypedDocumentString<R, V>, ...[variables]: V extends Record<string, never> ? [] : [V]): Promise<R> {
  return graphql<R>(document.toString(), (variables ?? {}) as Record<string, unknown>);
}

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

export type { ImportKind };
export const IMPORT_KINDS: readonly ImportKind[] = ['ENTERPRISES', 'OPERATES', 'SUPPLIES', 'SEGMENTS', 'AREAS', 'MAPPING', 'PROJECTS'];
/** The server's upload limit for imports. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

// The cost limit counts list sizes: 200 issues, 50 items and 40 suggestions keep this under it; the counts cover every row.
export const IMPORT_MUTATION = gql(`mutation ImportFile($file: File!, $kind: ImportKind!, $dryRun: Boolean!, $options: ImportOptions) {
  importFile(file: $file, kind: $kind, dryRun: $dryRun, options: $options) {
    committed dryRun notCommittedReason notCommittedReasonEn
    counts { rows create update unchanged reject warnings }
    issues(first: 200) { row column value severity message messageEn }
    items(first: 50, actions: [CREATE, UPDATE, REJECT]) { row action label inferred }
    suggestions(first: 40) { id row enterpriseName segmentName strength evidence accepted }
  }
}`);
type ImportFileResult = ResultOf<typeof IMPORT_MUTATION>;
export type ImportReport = ImportFileResult['importFile'];

/** Uploads a file for import (GraphQL multipart request); a dry run only reports. */
export async function importFile(
  file: File,
  kind: ImportKind,
  dryRun: boolean,
  options: { skipInvalid: boolean; unit: string; accept?: { ids: string[] } },
): Promise<ImportReport> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: IMPORT_MUTATION.toString(), variables: { file: null, kind, dryRun, options } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', file, file.name);
  return (await send<ImportFileResult>({}, form)).importFile;
}

gql(`fragment NodeFields on GraphNode { id label name properties }`);
// Edges are drawn and styled by their type only: their properties are not asked for (reading them is most of a large neighbourhood's cost).
gql(`fragment EdgeFields on GraphEdge { id type source target }`);

const CHAINS = gql(`query Chains { chains { id name nameEn segmentCount } }`);
export type ChainSummary = ResultOf<typeof CHAINS>['chains'][number];

const CHAIN_OVERVIEW = gql(`query ChainOverview($chainId: ID) { chainOverview(chainId: $chainId) { nodes { ...NodeFields } edges { ...EdgeFields } } }`);
export type GraphElements = ResultOf<typeof CHAIN_OVERVIEW>['chainOverview'];
export type GraphNode = GraphElements['nodes'][number];
export type GraphEdge = GraphElements['edges'][number];

export function fetchChains(): Promise<ChainSummary[]> {
  return execute(CHAINS).then((d) => d.chains);
}

export function fetchChainOverview(chainId: string | null): Promise<GraphElements> {
  return execute(CHAIN_OVERVIEW, { chainId }).then((d) => d.chainOverview);
}

// ---- areas.graphql ----------------------------------------------------------------------

const LOCAL_AREAS = gql(`query LocalAreas { localAreas { id name nameEn level } }`);
export type LocalArea = ResultOf<typeof LOCAL_AREAS>['localAreas'][number];

/** The deployment's own areas (the UI's area choices). */
export function fetchLocalAreas(): Promise<LocalArea[]> {
  return execute(LOCAL_AREAS).then((d) => d.localAreas);
}

const FEEDS_CYCLES = gql(`query FeedsCycles($chainId: ID) { feedsCycles(chainId: $chainId) { segmentIds names messageZh messageEn } }`);
export type FeedsCycle = ResultOf<typeof FEEDS_CYCLES>['feedsCycles'][number];

/** FEEDS cycles among a chain's segments (all chains when null): a warning for the chain view. */
export function fetchFeedsCycles(chainId: string | null): Promise<FeedsCycle[]> {
  return execute(FEEDS_CYCLES, { chainId }).then((d) => d.feedsCycles);
}

// ---- gaps.graphql / responsibility.graphql -------------------------------------------------

export type { GapKind as GapKindApi, GapStatus as GapStatusApi } from './generated/graphql.ts';

gql(`fragment UnitRoleFields on UnitRole { unitId unitName role areaId taskId taskNo taskName chainId }`);
gql(`fragment SavedGapFields on Gap {
  id kind status origin note reason source sourceText segmentId segmentName chainId chainName areaId areaName taskId taskName responsible { ...UnitRoleFields }
}`);

const GAP_ANALYSIS = gql(`query GapAnalysis($chainId: ID, $areaId: ID) { gapAnalysis(chainId: $chainId, areaId: $areaId) {
  chainId areaId
  segments { segmentId name nameEn stage chainIds localEnterpriseIds localCount localOutput outputUnknownCount hasLeader leaderIds externalSupplierIds localBuyerIds outsideShare presence }
  gaps { id kind segmentId segmentName chainIds areaId severity components { name value weight } reasonZh reasonEn evidence { nodeIds edgeIds } responsible { ...UnitRoleFields } saved status savedGaps { id note } }
  undetectedSavedGaps { ...SavedGapFields }
  counts { fill extend strengthen }
  emptyChains { chainId name nameEn segmentCount reasonZh reasonEn entrySegments { segmentId name reasonZh reasonEn } } } }`);
export type GapAnalysis = ResultOf<typeof GAP_ANALYSIS>['gapAnalysis'];
export type DetectedGap = GapAnalysis['gaps'][number];
export type SavedGap = GapAnalysis['undetectedSavedGaps'][number];
export type UnitRole = DetectedGap['responsible'][number];

/** `areaId` null = both plan areas. */
export function fetchGapAnalysis(chainId: string | null, areaId: string | null): Promise<GapAnalysis> {
  return execute(GAP_ANALYSIS, { chainId, areaId }).then((d) => d.gapAnalysis);
}

const GAP = gql(`query Gap($id: ID!) { gap(id: $id) { ...SavedGapFields } }`);

export function fetchGap(id: string): Promise<SavedGap | null> {
  return execute(GAP, { id }).then((d) => d.gap ?? null);
}

gql(`fragment ResponsibilityFields on Responsibility { nodeId kind name areas { areaId leads { ...UnitRoleFields } supports { ...UnitRoleFields } } }`);
const RESPONSIBILITY = gql(`query Responsibility($id: ID!) { responsibility(nodeId: $id) { ...ResponsibilityFields } }`);
export type Responsibility = ResultOf<typeof RESPONSIBILITY>['responsibility'];
export type AreaResponsibility = Responsibility['areas'][number];

export function fetchResponsibility(nodeId: string): Promise<Responsibility> {
  return execute(RESPONSIBILITY, { id: nodeId }).then((d) => d.responsibility);
}

const UNIT = gql(`query Unit($id: ID!) { unit(id: $id) { id name areaId duties { ...UnitRoleFields } chains { id name } openGaps { ...SavedGapFields } } }`);
export type UnitOverview = NonNullable<ResultOf<typeof UNIT>['unit']>;

export function fetchUnit(id: string): Promise<UnitOverview | null> {
  return execute(UNIT, { id }).then((d) => d.unit ?? null);
}

// ---- suppliers.graphql ----------------------------------------------------------------------

const SUPPLIER_CANDIDATES = gql(`query SupplierCandidates($gapId: ID, $segmentId: ID, $areaId: ID, $first: Int, $filter: CandidateFilter) {
  supplierCandidates(gapId: $gapId, segmentId: $segmentId, areaId: $areaId, first: $first, filter: $filter) {
    segmentIds areaId totalCount endCursor hasNextPage rankingWeights { fitted links questions mrrDefault mrrFitted current reason }
    candidates { rank enterpriseId name shortName uscc region province city output aboveScale tags sample segmentIds segmentNames inSegment score
      components { name value weight points detail } reasonZh reasonEn reasonLineZh reasonLineEn path { nodeIds edgeIds } } } }`);
export type SupplierCandidatePage = ResultOf<typeof SUPPLIER_CANDIDATES>['supplierCandidates'];
export type SupplierCandidate = SupplierCandidatePage['candidates'][number];
export type ScoreComponent = SupplierCandidate['components'][number];
export type Evidence = SupplierCandidate['path'];

export function fetchSupplierCandidates(args: {
  gapId?: string | null;
  segmentId?: string | null;
  areaId?: string | null;
  first?: number;
  filter?: CandidateFilter | null;
}): Promise<SupplierCandidatePage> {
  return execute(SUPPLIER_CANDIDATES, {
    gapId: args.gapId ?? null,
    segmentId: args.segmentId ?? null,
    areaId: args.areaId ?? null,
    first: args.first ?? 50,
    filter: args.filter ?? null,
  }).then((d) => d.supplierCandidates);
}

// ---- enterprises.graphql --------------------------------------------------------------------

gql(`fragment SupplyFields on SupplyLink { enterprise { id name shortName local region } product share }`);
const ENTERPRISE =
  gql(`query Enterprise($id: ID!) { enterprise(id: $id) { id name shortName uscc local region province city output aboveScale tags founded origin sample
  area { id name nameEn } segments { segment { id name nameEn stage chainIds } role } suppliers { ...SupplyFields } customers { ...SupplyFields } } }`);
export type Enterprise = NonNullable<ResultOf<typeof ENTERPRISE>['enterprise']>;
export type SupplyLink = Enterprise['suppliers'][number];

export function fetchEnterprise(id: string): Promise<Enterprise | null> {
  return execute(ENTERPRISE, { id }).then((d) => d.enterprise ?? null);
}

const SEGMENT_ENTERPRISES = gql(`query SegmentEnterprises($filter: EnterpriseFilter) { enterprises(filter: $filter, first: 100) {
  totalCount items { id name shortName local region city output tags origin sample segments { segment { id } role } } } }`);
type SegmentEnterprises = ResultOf<typeof SEGMENT_ENTERPRISES>['enterprises'];
export type EnterpriseListItem = SegmentEnterprises['items'][number];

/** Enterprises of a segment; `local` true/false splits local and external; `areaId` limits to an area. */
export function fetchSegmentEnterprises(segmentId: string, local: boolean, areaId: string | null): Promise<SegmentEnterprises> {
  return execute(SEGMENT_ENTERPRISES, { filter: { segmentId, local, ...(local && areaId ? { areaId } : {}) } }).then((d) => d.enterprises);
}

// ---- explore.graphql ------------------------------------------------------------------------

const SEARCH = gql(
  `query Search($text: String!, $limit: Int) { search(text: $text, limit: $limit) { kind id name shortName alias match context areas chains } }`,
);
export type SearchHit = ResultOf<typeof SEARCH>['search'][number];
export type { SearchKind } from './generated/graphql.ts';

export function search(text: string, limit = 12): Promise<SearchHit[]> {
  return execute(SEARCH, { text, limit }).then((d) => d.search);
}

const NEIGHBOURHOOD = gql(`query Neighbourhood($id: ID!, $depth: Int, $limit: Int, $filter: NeighbourhoodFilter) {
  neighbourhood(id: $id, depth: $depth, limit: $limit, filter: $filter) { centerId truncated nodes { ...NodeFields } edges { ...EdgeFields } } }`);
export type Neighbourhood = ResultOf<typeof NEIGHBOURHOOD>['neighbourhood'];

export function fetchNeighbourhood(id: string, options: { depth?: number; limit?: number; labels?: string[] } = {}): Promise<Neighbourhood> {
  return execute(NEIGHBOURHOOD, {
    id,
    depth: options.depth ?? 1,
    limit: options.limit ?? 500,
    filter: options.labels ? { labels: options.labels } : null,
  }).then((d) => d.neighbourhood);
}

const SHORTEST_PATH = gql(
  `query ShortestPath($from: ID!, $to: ID!) { shortestPath(fromId: $from, toId: $to) { nodes { ...NodeFields } edges { ...EdgeFields } } }`,
);

export function fetchShortestPath(fromId: string, toId: string): Promise<GraphElements> {
  return execute(SHORTEST_PATH, { from: fromId, to: toId }).then((d) => d.shortestPath);
}

const PLAN_TASKS = gql(`query PlanTasks { planTasks { id no name } }`);

/** The server allows at most 15 aliases per request (graphql-armor), so tasks go in batches. */
const ALIAS_BATCH = 9;

/** One task's `responsibility`; the batches below alias it once per task and add its fragments. */
const TASK_RESPONSIBILITY = gql(`query TaskResponsibility($id: ID!) { responsibility(nodeId: $id) { ...ResponsibilityFields } }`);

/** Lead and supporting units of every task of the plan in the graph (planTasks), in requests of aliased `responsibility` fields. */
export async function fetchTaskResponsibilities(): Promise<Responsibility[]> {
  const ids = (await execute(PLAN_TASKS)).planTasks.map((task) => task.id);
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += ALIAS_BATCH) batches.push(ids.slice(i, i + ALIAS_BATCH));
  // The checked document's fragments, after its operation: the batch reuses them with aliases.
  const text = TASK_RESPONSIBILITY.toString();
  const fragments = text.slice(text.indexOf('fragment '));
  const results = await Promise.all(
    batches.map((batch) =>
      graphql<Record<string, ResultOf<typeof TASK_RESPONSIBILITY>['responsibility']>>(
        `{ ${batch.map((id, i) => `t${i}: responsibility(nodeId: ${JSON.stringify(id)}) { ...ResponsibilityFields }`).join('\n')} }\n${fragments}`,
      ),
    ),
  );
  return results.flatMap((d) => Object.values(d));
}

// ---- targets.graphql ------------------------------------------------------------------------

gql(`fragment TargetFields on TargetProgress {
  target { id name nameEn value unit deadline group metric source sourceText area { id name nameEn } wholeId }
  value unit current currentSource ratio history { id value date source note } }`);
const TARGETS = gql(`query Targets($areaId: ID) { targets(areaId: $areaId) { ...TargetFields parts { ...TargetFields } } }`);
export type TargetProgress = ResultOf<typeof TARGETS>['targets'][number];
export type TargetPart = TargetProgress['parts'][number];
export type ProgressRecord = TargetProgress['history'][number];

/** Whole targets with their per-area parts (areaId null), or the parts counting for one area. */
export function fetchTargets(areaId: string | null): Promise<TargetProgress[]> {
  return execute(TARGETS, { areaId }).then((d) => d.targets);
}

// ---- import.graphql (export) ----------------------------------------------------------------

export interface ExportedFile {
  filename: string;
  mimeType: string;
  bytes: Uint8Array;
}

const EXPORT_CANDIDATES = gql(`query ExportCandidates($gapId: ID, $areaId: ID, $filter: CandidateFilter) {
  exportTable(kind: CANDIDATES, format: XLSX, gapId: $gapId, areaId: $areaId, filter: $filter) { filename mimeType base64 } }`);

/**
 * The 招商清单 as the server writes it (all pages; bold frozen header,
 * auto-filter, codes as text), the same file `npm run export -- candidates` gives.
 */
export function exportCandidatesXlsx(gapId: string, areaId: string | null, filter: CandidateFilter | null = null): Promise<ExportedFile> {
  return execute(EXPORT_CANDIDATES, { gapId, areaId, filter }).then(({ exportTable: f }) => ({
    filename: f.filename,
    mimeType: f.mimeType,
    bytes: Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0)),
  }));
}

// ---- auth.graphql ---------------------------------------------------------------------------

gql(`fragment MeFields on Me { name role kind signedIn canEdit canAdmin authEnabled openMode firstRun }`);
const ME = gql(`query Me { me { ...MeFields } }`);
/** Who the browser acts as. `null` from `fetchMe` means: sign in first. */
export type Me = NonNullable<ResultOf<typeof ME>['me']>;

export function fetchMe(): Promise<Me | null> {
  return execute(ME).then((d) => d.me ?? null);
}

const SIGN_IN = gql(`mutation SignIn($name: String!, $password: String!) { signIn(name: $name, password: $password) { ...MeFields } }`);

/** Sets the HttpOnly session cookie; wrong name or password gives UNAUTHENTICATED. */
export function signIn(name: string, password: string): Promise<Me> {
  return execute(SIGN_IN, { name, password }).then((d) => d.signIn);
}

const CREATE_FIRST_ADMIN = gql(
  `mutation CreateFirstAdmin($name: String!, $password: String!) { createFirstAdmin(name: $name, password: $password) { ...MeFields } }`,
);

/** First run only (no user yet): creates the first admin and signs them in; FORBIDDEN once a user exists. */
export function createFirstAdmin(name: string, password: string): Promise<Me> {
  return execute(CREATE_FIRST_ADMIN, { name, password }).then((d) => d.createFirstAdmin);
}

const SIGN_OUT = gql(`mutation SignOut { signOut }`);

export function signOut(): Promise<boolean> {
  return execute(SIGN_OUT).then((d) => d.signOut);
}

/** Whether an error means "nobody (valid) is signed in". */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'UNAUTHENTICATED';
}

// ---- projects.graphql, target-baselines.graphql (招商 pipeline) ----------------------------

export type ProjectStageApi = ProjectStage;
export const PROJECT_STAGES_API: readonly ProjectStage[] = ['LEAD', 'NEGOTIATING', 'SIGNED', 'STARTED', 'PRODUCING', 'DROPPED'];
export type ProjectElementApi = ProjectElement;
export const PROJECT_ELEMENTS_API: readonly ProjectElement[] = ['BASE', 'RND', 'SALES', 'LISTED', 'SUPPLIERS', 'FUND'];
export type ProjectFilterApi = ProjectFilter;

gql(`fragment ProjectFields on Project {
  id name investorName investor { id name } area { id name nameEn } chains { id name nameEn } segments { id name nameEn } gapIds
  leadUnit { id name } lookAfterUnits { id name } investment plannedOutput stage droppedFrom dropReason
  leadAt negotiatingAt signedAt startedAt producingAt droppedAt elements notes origin lastActivityAt
}`);

const PIPELINE_BOARD = gql(`query PipelineBoard($filter: ProjectFilter, $perStage: Int, $stalledDays: Int) {
  pipelineBoard(filter: $filter, perStage: $perStage, stalledDays: $stalledDays) {
    totalCount stalledDays columns { stage count investment unknownInvestment stalled projects { ...ProjectFields } } stalled { ...ProjectFields } } }`);
export type PipelineBoardApi = ResultOf<typeof PIPELINE_BOARD>['pipelineBoard'];
export type Project = PipelineBoardApi['stalled'][number];

export function fetchPipelineBoard(filter: ProjectFilter, perStage: number, stalledDays: number | null): Promise<PipelineBoardApi> {
  return execute(PIPELINE_BOARD, { filter, perStage, stalledDays }).then((d) => d.pipelineBoard);
}

const PROJECTS = gql(
  `query Projects($filter: ProjectFilter, $first: Int) { projects(filter: $filter, first: $first) { totalCount items { ...ProjectFields } } }`,
);

export function fetchProjects(filter: ProjectFilter, first = 200): Promise<ResultOf<typeof PROJECTS>['projects']> {
  return execute(PROJECTS, { filter, first }).then((d) => d.projects);
}

const PROJECT = gql(`query Project($id: ID!) { project(id: $id) { ...ProjectFields events { at date actor kind from to note } } }`);
export type ProjectEventApi = NonNullable<ResultOf<typeof PROJECT>['project']>['events'][number];

export function fetchProject(id: string): Promise<ResultOf<typeof PROJECT>['project']> {
  return execute(PROJECT, { id }).then((d) => d.project);
}

const CREATE_PROJECT = gql(`mutation CreateProject($input: ProjectInput!) { createProject(input: $input) { ...ProjectFields } }`);

export function createProject(input: ProjectInput): Promise<Project> {
  return execute(CREATE_PROJECT, { input }).then((d) => d.createProject);
}

const UPDATE_PROJECT = gql(`mutation UpdateProject($id: ID!, $input: ProjectInput!) { updateProject(id: $id, input: $input) { ...ProjectFields } }`);

export function updateProject(id: string, input: ProjectInput): Promise<Project> {
  return execute(UPDATE_PROJECT, { id, input }).then((d) => d.updateProject);
}

const CHANGE_PROJECT_STAGE = gql(`mutation ChangeProjectStage($id: ID!, $stage: ProjectStage!, $date: String, $note: String, $reason: String) {
  changeProjectStage(id: $id, stage: $stage, date: $date, note: $note, reason: $reason) { ...ProjectFields } }`);

export function changeProjectStage(
  id: string,
  stage: ProjectStage,
  args: { date?: string | null; note?: string | null; reason?: string | null },
): Promise<Project> {
  return execute(CHANGE_PROJECT_STAGE, { id, stage, ...args }).then((d) => d.changeProjectStage);
}

const ADD_PROJECT_NOTE = gql(`mutation AddProjectNote($id: ID!, $note: String!) { addProjectNote(id: $id, note: $note) { ...ProjectFields } }`);

export function addProjectNote(id: string, note: string): Promise<Project> {
  return execute(ADD_PROJECT_NOTE, { id, note }).then((d) => d.addProjectNote);
}

const START_LEAD = gql(
  `mutation StartLead($enterpriseId: ID, $gapId: ID, $areaId: ID) { startLead(enterpriseId: $enterpriseId, gapId: $gapId, areaId: $areaId) { ...ProjectFields } }`,
);

export function startLead(args: { enterpriseId?: string | null; gapId?: string | null; areaId?: string | null }): Promise<Project> {
  return execute(START_LEAD, args).then((d) => d.startLead);
}

const GAP_PROJECTS = gql(
  `query GapProjects($gapId: ID!) { gapProjects(gapId: $gapId) { gapId projects { ...ProjectFields } fillProposedBy { ...ProjectFields } } }`,
);

export function fetchGapProjects(gapId: string): Promise<ResultOf<typeof GAP_PROJECTS>['gapProjects']> {
  return execute(GAP_PROJECTS, { gapId }).then((d) => d.gapProjects);
}

const SET_GAP_STATUS = gql(`mutation SetGapStatus($id: ID!, $status: GapStatus!, $note: String, $lead: [ID!], $support: [ID!]) {
  setGapStatus(id: $id, status: $status, note: $note, leadUnitIds: $lead, supportUnitIds: $support) { ...SavedGapFields } }`);
const SAVE_GAP = gql(`mutation SaveGap($input: SaveGapInput!) { saveGap(input: $input) { ...SavedGapFields } }`);

/** Saves a detected gap first when needed (SaveGapInput), then sets status, note and units. */
export function saveGapWork(
  gap: { id: string; saved: boolean; kind: GapKindApi; segmentId: string; areaId: string | null; chainId?: string | null },
  work: { status: GapStatusApi; note: string | null; leadUnitIds: string[]; supportUnitIds: string[] },
): Promise<SavedGap> {
  if (gap.saved) {
    return execute(SET_GAP_STATUS, { id: gap.id, status: work.status, note: work.note, lead: work.leadUnitIds, support: work.supportUnitIds }).then(
      (d) => d.setGapStatus,
    );
  }
  return execute(SAVE_GAP, {
    input: {
      kind: gap.kind,
      segmentId: gap.segmentId,
      areaId: gap.areaId,
      chainId: gap.chainId ?? null,
      status: work.status,
      note: work.note,
      leadUnitIds: work.leadUnitIds,
      supportUnitIds: work.supportUnitIds,
      origin: 'ANALYSIS',
    },
  }).then((d) => d.saveGap);
}

const PROJECT_INDICATORS = gql(`query ProjectIndicators($areaId: ID) {
  projectIndicators(areaId: $areaId) { signedToStarted { value numerator denominator } startedToProducing { value numerator denominator } } }`);
export type Rate = ResultOf<typeof PROJECT_INDICATORS>['projectIndicators']['signedToStarted'];

export function fetchProjectIndicators(areaId: string | null): Promise<ResultOf<typeof PROJECT_INDICATORS>['projectIndicators']> {
  return execute(PROJECT_INDICATORS, { areaId }).then((d) => d.projectIndicators);
}

gql(`fragment TargetBasisFields on TargetProgress {
  target { id name unit area { id name nameEn } } value current ratio currentSource counts since asOf baseline { value date origin source } byYear { year value } expectedRatio behindPace }`);
const TARGET_BASIS = gql(`query TargetBasis($areaId: ID) { targets(areaId: $areaId) { ...TargetBasisFields parts { ...TargetBasisFields } } }`);
/** How a figure is measured (computed / recorded, since when); a whole target's parts have the same fields. */
export type TargetBasis = ResultOf<typeof TARGET_BASIS>['targets'][number]['parts'][number];

/** How each figure is measured (computed / recorded, since when), per whole target and part. */
export function fetchTargetBasis(areaId: string | null): Promise<ResultOf<typeof TARGET_BASIS>['targets']> {
  return execute(TARGET_BASIS, { areaId }).then((d) => d.targets);
}

// ---- reports.graphql (monthly 调度 report) -------------------------------------------------

const MONTHLY_REPORT = gql(`query MonthlyReport($month: String!, $areaId: ID, $unitId: ID, $stalledDays: Int) {
  monthlyReport(month: $month, areaId: $areaId, unitId: $unitId, stalledDays: $stalledDays) {
    month from to asOf generatedAt stalledDays totalCount targetAreaId
    area { id name } unit { id name }
    stages { stage count investment unknownInvestment }
    projects { stage droppedFrom lastActivityAt idleDays stalled
      project { id name investorName investment origin area { id name } leadUnit { id name } lookAfterUnits { id name } segments { id name } } }
    changes { id date at actor from to note project { id name } }
    stalled { stage idleDays lastActivityAt project { id name leadUnit { id name } lookAfterUnits { id name } } }
    signedToStarted { value numerator denominator }
    startedToProducing { value numerator denominator }
    targets { target { id name area { id name } wholeId } value unit current currentSource ratio counts since asOf baseline { value date } expectedRatio behindPace }
    gaps { gap { id kind status segmentName chainName areaName note responsible { unitId unitName role } } projects { id name stage } }
  }
}`);
export type MonthlyReport = ResultOf<typeof MONTHLY_REPORT>['monthlyReport'];

export function fetchMonthlyReport(args: { month: string; areaId: string | null; unitId: string | null; stalledDays: number | null }): Promise<MonthlyReport> {
  return execute(MONTHLY_REPORT, args).then((d) => d.monthlyReport);
}

const MONTHLY_REPORT_FILE = gql(`query MonthlyReportFile($month: String!, $areaId: ID, $unitId: ID, $stalledDays: Int) {
  monthlyReportFile(month: $month, areaId: $areaId, unitId: $unitId, stalledDays: $stalledDays) { filename mimeType base64 } }`);

/** The report as the server writes it (.xlsx, the same file `npm run export -- report` gives). */
export function exportMonthlyReport(args: { month: string; areaId: string | null; unitId: string | null; stalledDays: number | null }): Promise<ExportedFile> {
  return execute(MONTHLY_REPORT_FILE, args).then(({ monthlyReportFile: f }) => ({
    filename: f.filename,
    mimeType: f.mimeType,
    bytes: Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0)),
  }));
}
