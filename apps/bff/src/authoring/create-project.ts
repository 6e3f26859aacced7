import { ANNOTATIONS } from '@wharf/shared';
import {
  AUTHORING_KINDS,
  NAMESPACED_AUTHORING_RESOURCES,
  apiVersionOf,
  type AuthoringResource,
  type CreateProjectRefusal,
  type CreateProjectResult,
  type CreatedRef,
  type FieldCause,
  type KubeObject,
  type WizardPart,
} from '@wharf/shared/authoring';
import type { z } from 'zod';
import type { CreateProjectRequestSchema } from '@wharf/shared/authoring';
import type { AccessCheck, Caller } from '../access/caller.js';
import { clientActingFor, requireAccess } from '../access/require.js';
import { createCredential } from '../credentials/credential-store.js';
import { toHttp } from '../errors/error-middleware.js';
import { HttpError, InputError } from '../errors/http-errors.js';
import { KubeApiError } from '../kube/kube-api-error.js';
import type { KubeClient } from '../kube/kube-client.js';
import { corePath } from '../kube/paths.js';
import { causesOf } from './kube-refusal.js';
import { clientFor, send } from './object-writer.js';
import { objectPath } from './object-path.js';

type Request = z.output<typeof CreateProjectRequestSchema>;

interface Step {
  part: WizardPart;
  ref: CreatedRef;
  /** Creates (or with dryRun, validates) the thing; throws Kubernetes' refusal. */
  run(dryRun: boolean): Promise<void>;
  /** Undoes it: the object's path and the check that allows deleting it. */
  undo: { path: string; check: AccessCheck };
}

function resourceOf(obj: KubeObject, index: number): AuthoringResource {
  const r = NAMESPACED_AUTHORING_RESOURCES.find(
    (res) => AUTHORING_KINDS[res].kind === obj.kind && apiVersionOf(res) === obj.apiVersion,
  );
  if (!r)
    throw new InputError(
      `objects[${index}]: ${obj.apiVersion} ${obj.kind} can't be part of a new project; use one of ${NAMESPACED_AUTHORING_RESOURCES.map((x) => AUTHORING_KINDS[x].kind).join(', ')}.`,
    );
  return r;
}

function refusal(
  status: number,
  message: string,
  failed: CreateProjectRefusal['failed'],
  rolledBack: CreatedRef[],
  leftBehind: CreatedRef[],
): HttpError {
  const details: CreateProjectRefusal = { failed, rolledBack, leftBehind };
  return new HttpError(status, message, details);
}

async function namespaceExists(client: KubeClient, name: string): Promise<boolean> {
  try {
    await client.get(corePath('namespaces', undefined, name));
    return true;
  } catch (err) {
    // Not allowed to look: assume it exists, so a rollback never deletes it.
    return !(err instanceof KubeApiError && err.status === 404);
  }
}

/**
 * Creates a project and everything in it in one go, as the caller. Kubernetes validates every
 * object (dry run) before any of it is kept; the Project must exist first because Kargo creates
 * its namespace when admitting it. If anything is refused, what was created is deleted again,
 * newest first, and a namespace that existed before is kept.
 */
export async function createProject(caller: Caller, req: Request): Promise<CreateProjectResult> {
  const name = req.project.metadata.name;
  if (req.project.kind !== 'Project' || req.project.apiVersion !== apiVersionOf('projects'))
    throw new InputError(`project must be a ${apiVersionOf('projects')} Project.`);
  const projectClient = await clientFor(caller, 'create', { resource: 'projects' });
  const objects = req.objects.map((o, i) => {
    if (o.metadata.namespace && o.metadata.namespace !== name)
      throw new InputError(`objects[${i}]: metadata.namespace must be "${name}" (or left out).`);
    return {
      obj: { ...o, metadata: { ...o.metadata, namespace: name } },
      resource: resourceOf(o, i),
    };
  });
  // Fail before touching anything when the caller may not create one of the kinds.
  for (const r of new Set(objects.map((o) => o.resource)))
    await requireAccess(caller, {
      verb: 'create',
      group: AUTHORING_KINDS[r].group,
      resource: r,
      namespace: name,
    });
  if (req.credentials.length)
    await requireAccess(caller, {
      verb: 'create',
      group: '',
      resource: 'secrets',
      namespace: name,
    });

  const steps: Step[] = [
    ...req.credentials.map((c, index): Step => ({
      part: { part: 'credentials', index },
      ref: { kind: 'Secret', name: c.name, namespace: name },
      undo: {
        path: corePath('secrets', name, c.name),
        check: { verb: 'delete', group: '', resource: 'secrets', namespace: name, name: c.name },
      },
      run: async (dryRun) => void (await createCredential(caller, name, c, { dryRun })),
    })),
    ...objects.map(({ obj, resource }, index): Step => ({
      part: { part: 'objects', index },
      ref: { kind: obj.kind, name: obj.metadata.name, namespace: name },
      undo: {
        path: objectPath(resource, name, obj.metadata.name),
        check: {
          verb: 'delete',
          group: AUTHORING_KINDS[resource].group,
          resource,
          namespace: name,
          name: obj.metadata.name,
        },
      },
      run: async (dryRun) => {
        const client = await clientFor(caller, 'create', { resource, namespace: name });
        await send(client, 'POST', objectPath(resource, name), obj, dryRun);
      },
    })),
  ];

  const projectRef: CreatedRef = { kind: 'Project', name };
  const failedAs = (part: WizardPart, ref: CreatedRef, err: unknown) => ({
    status: err instanceof KubeApiError ? err.status : toHttp(err).status,
    message: err instanceof Error ? err.message : String(err),
    failed: {
      ...part,
      kind: ref.kind,
      name: ref.name,
      causes: (err instanceof KubeApiError
        ? causesOf(err)
        : [{ message: toHttp(err).message }]) as FieldCause[],
    },
  });

  // Asked as the identity that may create the project: whether to keep the namespace on rollback.
  const nsExisted = await namespaceExists(projectClient, name);
  const projectPath = objectPath('projects');
  try {
    await send(projectClient, 'POST', projectPath, req.project, true);
    await send(projectClient, 'POST', projectPath, req.project, false);
  } catch (err) {
    const f = failedAs({ part: 'project' }, projectRef, err);
    throw refusal(f.status, f.message, f.failed, [], []);
  }

  const created: Step[] = [];
  const rollBack = async () => {
    const rolledBack: CreatedRef[] = [];
    const leftBehind: CreatedRef[] = [];
    for (const s of [...created].reverse()) {
      await clientActingFor(caller, s.undo.check)
        .then((client) => client.delete(s.undo.path))
        .then(
          () => rolledBack.push(s.ref),
          () => leftBehind.push(s.ref),
        );
    }
    const projectObj = objectPath('projects', undefined, name);
    const projectCheck = (verb: string): AccessCheck => ({
      verb,
      group: AUTHORING_KINDS.projects.group,
      resource: 'projects',
      name,
    });
    try {
      if (nsExisted)
        await (
          await clientActingFor(caller, projectCheck('patch'))
        ).mergePatch(projectObj, {
          metadata: { annotations: { [ANNOTATIONS.keepNamespace]: 'true' } },
        });
      await (await clientActingFor(caller, projectCheck('delete'))).delete(projectObj);
      rolledBack.push(projectRef);
    } catch {
      leftBehind.push(projectRef);
    }
    return { rolledBack, leftBehind };
  };

  for (const dryRun of [true, false]) {
    for (const s of steps) {
      try {
        await s.run(dryRun);
        if (!dryRun) created.push(s);
      } catch (err) {
        const f = failedAs(s.part, s.ref, err);
        const { rolledBack, leftBehind } = await rollBack();
        throw refusal(f.status, f.message, f.failed, rolledBack, leftBehind);
      }
    }
  }
  return { project: name, created: [projectRef, ...steps.map((s) => s.ref)] };
}
