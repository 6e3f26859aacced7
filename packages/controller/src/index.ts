// The embedded stand-in for Kargo's webhooks and controllers (embedded mode only). It talks to the
// API server only through the Kubernetes API and the admission hook interface, like a real controller.
import type { AdmissionHost } from './admission/hook-types.js';
import { seedDemo } from './demo/seed-demo.js';
import {
  type ControllerTuning,
  type Logger,
  startControllers,
} from './manager/controller-manager.js';

export interface EmbeddedKargoOptions {
  /** The running embedded API server (a `RunningApiServer` from @wharf/apiserver). */
  apiServer: AdmissionHost;
  /** Demo git repositories and the controllers' working files live under here. */
  dataDir: string;
  /** Seed the demo projects at first start; existing data is never overwritten. */
  seedDemo?: boolean;
  /** An image repository the demo also subscribes to (a reachable registry; see README). */
  demoImage?: string;
  logger?: Logger;
  /** Kargo's SHARED_RESOURCES_NAMESPACE (shared credentials); kargo-shared-resources when unset. */
  sharedResourcesNamespace?: string;
  /** Kargo's CONTROLPLANE_USER_REGEX: besides system:masters, whose claimed actor is kept. */
  controlPlaneUserRegex?: string;
  /** For tests: clock, extra steps, intervals. */
  tuning?: ControllerTuning;
}

export interface EmbeddedKargo {
  stop(): Promise<void>;
}

const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export async function startEmbeddedKargo(opts: EmbeddedKargoOptions): Promise<EmbeddedKargo> {
  const logger = opts.logger ?? silent;
  const controllers = await startControllers(opts.apiServer, opts.dataDir, logger, {
    ...opts.tuning,
    ...(opts.sharedResourcesNamespace
      ? { sharedResourcesNamespace: opts.sharedResourcesNamespace }
      : {}),
    ...(opts.controlPlaneUserRegex ? { controlPlaneUserRegex: opts.controlPlaneUserRegex } : {}),
  });
  // Seeding runs in the background so the dashboard can serve at once and show the demo arrive.
  const seeding = opts.seedDemo
    ? seedDemo(controllers.api, opts.dataDir, logger, opts.demoImage).catch((err: unknown) =>
        logger.error({ err: String(err) }, 'seeding the demo failed'),
      )
    : Promise.resolve();
  return {
    stop: async () => {
      await seeding;
      await controllers.stop();
    },
  };
}

export type { ControllerTuning, Logger } from './manager/controller-manager.js';
export type { StepRegistry, StepRunner, StepContext, StepResult } from './steps/step-types.js';
export { startControllers } from './manager/controller-manager.js';
