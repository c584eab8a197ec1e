import type { ProjectStage } from '../../model/vocabulary.ts';
import { fillProposal, gapProjects, projectsForGap } from '../../services/projects/gap-projects.ts';
import { pipelineBoard, projectIndicators } from '../../services/projects/pipeline-board.ts';
import {
  addProjectNote,
  changeProjectStage,
  createProject,
  deleteProject,
  getProject,
  pageProjects,
  projectEvents,
  updateProject,
} from '../../services/projects/projects.ts';
import type { Project, ProjectFilter, ProjectInput } from '../../services/projects/project-types.ts';
import { startLead, type StartLeadInput } from '../../services/projects/start-lead.ts';
import type { SavedGap } from '../../services/gaps/saved-gaps.ts';
import { recordTargetBaseline } from '../../services/targets/baselines.ts';
import type { GraphQLContext } from '../context.ts';

type Ctx = GraphQLContext;
const actor = (ctx: Ctx) => ctx.auth?.principal.name ?? 'system';

export const projectResolvers = {
  ProjectStage: { LEAD: 'lead', NEGOTIATING: 'negotiating', SIGNED: 'signed', STARTED: 'started', PRODUCING: 'producing', DROPPED: 'dropped' },
  ProjectElement: { BASE: 'base', RND: 'rnd', SALES: 'sales', LISTED: 'listed', SUPPLIERS: 'suppliers', FUND: 'fund' },
  TargetCounts: { STOCK: 'stock', INCREASE: 'increase', PROJECTS: 'projects' },
  Query: {
    projects: (_: unknown, args: { filter?: ProjectFilter | null; first?: number | null; after?: string | null }, { store }: Ctx) =>
      pageProjects(store, args.filter ?? {}, args.first ?? 50, args.after ?? null),
    project: (_: unknown, args: { id: string }, { store }: Ctx) => getProject(store, args.id),
    pipelineBoard: (_: unknown, args: { filter?: ProjectFilter | null; perStage?: number | null; stalledDays?: number | null }, { store }: Ctx) =>
      pipelineBoard(store, args.filter ?? {}, args),
    projectIndicators: (_: unknown, args: { areaId?: string | null }, { store }: Ctx) => projectIndicators(store, args.areaId ?? null),
    gapProjects: (_: unknown, args: { gapId: string }, { store }: Ctx) => gapProjects(store, args.gapId),
  },
  Mutation: {
    createProject: (_: unknown, args: { input: ProjectInput }, ctx: Ctx) => createProject(ctx.store, args.input, actor(ctx)),
    updateProject: (_: unknown, args: { id: string; input: ProjectInput }, { store }: Ctx) => updateProject(store, args.id, args.input),
    changeProjectStage: (_: unknown, args: { id: string; stage: ProjectStage; date?: string | null; note?: string | null; reason?: string | null }, ctx: Ctx) =>
      changeProjectStage(ctx.store, args, actor(ctx)),
    addProjectNote: (_: unknown, args: { id: string; note: string }, ctx: Ctx) => addProjectNote(ctx.store, args.id, args.note, actor(ctx)),
    startLead: (_: unknown, args: StartLeadInput, ctx: Ctx) => startLead(ctx.store, args, actor(ctx)),
    deleteProject: (_: unknown, args: { id: string }, { store }: Ctx) => deleteProject(store, args.id),
    recordTargetBaseline: (_: unknown, args: { targetId: string; value: number; date: string; source?: string | null; note?: string | null }, { store }: Ctx) =>
      recordTargetBaseline(store, args),
  },
  Project: {
    events: (p: Project, _: unknown, { store }: Ctx) => projectEvents(store, [p.id]),
  },
  Gap: {
    projects: (g: SavedGap, _: unknown, { store }: Ctx) => projectsForGap(store, g),
    fillProposedBy: async (g: SavedGap, _: unknown, { store }: Ctx) => fillProposal(g, await projectsForGap(store, g)),
  },
};
