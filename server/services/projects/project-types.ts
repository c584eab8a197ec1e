import type { ProjectElement, ProjectStage } from '../../model/vocabulary.ts';

export interface Ref {
  id: string;
  name: string | null;
  nameEn?: string | null;
}

/** A Project (招商项目) as the API returns it (GraphQL type Project). Amounts are 亿元; dates ISO YYYY-MM-DD. */
export interface Project {
  id: string;
  name: string;
  /** The investor's name: the linked enterprise's name, or the name typed for a new investor. */
  investorName: string | null;
  investor: Ref | null;
  area: Ref | null;
  park: Ref | null;
  chains: Ref[];
  segments: Ref[];
  gapIds: string[];
  leadUnit: Ref | null;
  lookAfterUnits: Ref[];
  /** 亿元; null when unknown. */
  investment: number | null;
  /** 亿元 per year at full production; null when unknown. */
  plannedOutput: number | null;
  stage: ProjectStage;
  /** The stage a dropped project had reached before it was dropped. */
  droppedFrom: ProjectStage | null;
  dropReason: string | null;
  leadAt: string | null;
  negotiatingAt: string | null;
  signedAt: string | null;
  startedAt: string | null;
  producingAt: string | null;
  droppedAt: string | null;
  elements: ProjectElement[];
  notes: string | null;
  origin: string | null;
  createdAt: string | null;
  createdBy: string | null;
  updatedAt: string | null;
  /** ISO timestamp of the last stage change or note: what "stalled" measures. */
  lastActivityAt: string | null;
}

/** One kept change of a project: a stage change (from → to) or a note. */
export interface ProjectEvent {
  id: string;
  projectId: string;
  at: string;
  /** The date the change took effect (stage date), ISO YYYY-MM-DD. */
  date: string | null;
  actor: string;
  kind: 'created' | 'stage' | 'note' | 'edit';
  from: ProjectStage | null;
  to: ProjectStage | null;
  note: string | null;
}

export interface ProjectFilter {
  ids?: string[] | null;
  stages?: ProjectStage[] | null;
  areaId?: string | null;
  chainId?: string | null;
  unitId?: string | null;
  segmentId?: string | null;
  gapId?: string | null;
  /** 亿元, inclusive. */
  minInvestment?: number | null;
  /** 亿元, exclusive. */
  maxInvestment?: number | null;
}

/** Fields a user sets on a project; on update, an omitted (undefined) field keeps its value and null clears it. */
export interface ProjectInput {
  name?: string | null;
  investorId?: string | null;
  investorName?: string | null;
  areaId?: string | null;
  parkId?: string | null;
  chainIds?: string[] | null;
  segmentIds?: string[] | null;
  gapIds?: string[] | null;
  leadUnitId?: string | null;
  lookAfterUnitIds?: string[] | null;
  investment?: number | null;
  plannedOutput?: number | null;
  elements?: ProjectElement[] | null;
  notes?: string | null;
  /** Only on create: the stage a project enters with (default lead) and its date (default today). */
  stage?: ProjectStage | null;
  stageDate?: string | null;
  dropReason?: string | null;
}
