import {
  DiscoveredArtifactsViewSchema,
  StageVerificationsSchema,
  type VerificationRecord,
} from '@wharf/shared/api';
import { AnalysisRunReader } from '../read/analysis-runs.js';
import type { ReadModels } from '../read/read-models.js';
import { toDiscoveredArtifactsView } from '../views/discovered-artifacts-view.js';
import { stageVerificationRecords } from '../views/verification-view.js';
import { route, type RouteSpec } from './api-route.js';
import { found, open } from './open-project.js';
import { StageParams, WarehouseParams } from './params.js';

/** AnalysisRuns looked up per request: the newest records, which are what a person opens. */
const ANALYSIS_LOOKUPS = 10;

/** Reads a stage's or warehouse's detail that the graph views leave out. */
export function detailRoutes(models: ReadModels): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/projects/:project/stages/:stage/verifications',
      tag: 'stages',
      summary:
        "The stage's verifications, newest first, with each AnalysisRun's metrics when Argo Rollouts' CRD is installed",
      params: StageParams,
      response: StageVerificationsSchema,
      handler: async ({ caller, params }) => {
        const r = await open(models, caller, params.project, 'stages');
        const stage = found(
          r.get('stages', params.stage),
          `stage "${params.stage}" in project "${params.project}"`,
        );
        const records = stageVerificationRecords(stage, r.viewContext().aliasOf);
        const reader = new AnalysisRunReader(caller);
        const items: VerificationRecord[] = await Promise.all(
          records.map(async (v, i) =>
            v.analysisRun && i < ANALYSIS_LOOKUPS
              ? { ...v, analysis: await reader.detail(v.analysisRun.namespace, v.analysisRun.name) }
              : v,
          ),
        );
        return { stage: params.stage, items, errors: r.errors };
      },
    }),
    route({
      method: 'get',
      path: '/projects/:project/warehouses/:warehouse/discovered-artifacts',
      tag: 'warehouses',
      summary:
        "What the warehouse's last discovery found (status.discoveredArtifacts), newest first",
      params: WarehouseParams,
      response: DiscoveredArtifactsViewSchema,
      handler: async ({ caller, params }) => {
        const r = await open(models, caller, params.project, 'warehouses');
        return toDiscoveredArtifactsView(
          found(
            r.get('warehouses', params.warehouse),
            `warehouse "${params.warehouse}" in project "${params.project}"`,
          ),
        );
      },
    }),
  ];
}
