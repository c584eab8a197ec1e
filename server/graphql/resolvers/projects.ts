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
import { startLead } from '../../services/projects/start-lead.ts';
import { recordTargetBaseline } from '../../services/targets/baselines.ts';
import type { GraphQLContext } from '../context.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { STORED_ENUMS } from '../stored-enums.ts';

const actor = (ctx: GraphQLContext) => ctx.auth?.principal.name ?? 'system';

export const projectResolvers: Resolvers = {
  ProjectStage: STORED_ENUMS.ProjectStage,
  ProjectElement: STORED_ENUMS.ProjectElement,
  TargetCounts: STORED_ENUMS.TargetCounts,
  Query: {
    projects: (_, args, { store }) => pageProjects(store, args.filter ?? {}, args.first ?? 50, args.after ?? null),
    project: (_, args, { store }) => getProject(store, args.id),
    pipelineBoard: (_, args, { store }) => pipelineBoard(store, args.filter ?? {}, args),
    projectIndicators: (_, args, { store }) => projectIndicators(store, args.areaId ?? null),
    gapProjects: (_, args, { store }) => gapProjects(store, args.gapId),
  },
  Mutation: {
    createProject: (_, args, ctx) => createProject(ctx.store, args.input, actor(ctx)),
    updateProject: (_, args, { store }) => updateProject(store, args.id, args.input),
    changeProjectStage: (_, args, ctx) => changeProjectStage(ctx.store, args, actor(ctx)),
    addProjectNote: (_, args, ctx) => addProjectNote(ctx.store, args.id, args.note, actor(ctx)),
    startLead: (_, args, ctx) => startLead(ctx.store, args, actor(ctx)),
    deleteProject: (_, args, { store }) => deleteProject(store, args.id),
    recordTargetBaseline: (_, args, { store }) => recordTargetBaseline(store, args),
  },
  Project: {
    events: (p, _, { store }) => projectEvents(store, [p.id]),
  },
  Gap: {
    projects: (g, _, { store }) => projectsForGap(store, g),
    fillProposedBy: async (g, _, { store }) => fillProposal(g, await projectsForGap(store, g)),
  },
};
