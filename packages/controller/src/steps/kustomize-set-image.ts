import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument, YAMLMap } from 'yaml';
import { z } from 'zod';
import { parseConfig } from './parse-config.js';
import { workPath } from './paths.js';
import { StepFailure, type StepContext, type StepRunner } from './step-types.js';

const Config = z.object({
  path: z.string(),
  images: z
    .array(
      z.object({
        image: z.string().min(1),
        tag: z.string().optional(),
        digest: z.string().optional(),
        newName: z.string().optional(),
        useDigest: z.boolean().optional(),
        fromOrigin: z.object({ kind: z.string(), name: z.string() }).optional(),
      }),
    )
    .min(1),
});
type ImageUpdate = z.infer<typeof Config>['images'][number];

function resolve(u: ImageUpdate, ctx: StepContext): { newTag?: string; digest?: string } {
  if (u.tag || u.digest)
    return { ...(u.tag ? { newTag: u.tag } : {}), ...(u.digest ? { digest: u.digest } : {}) };
  const img = ctx.freight
    .filter((f) => !u.fromOrigin || f.origin?.name === u.fromOrigin.name)
    .flatMap((f) => f.images ?? [])
    .find((i) => i.repoURL === u.image);
  if (!img)
    throw new StepFailure(
      `no tag or digest given for "${u.image}" and the Freight carries no such image`,
    );
  return u.useDigest ? { digest: img.digest ?? '' } : { newTag: img.tag ?? '' };
}

/** Sets `images:` entries in kustomization.yaml the way `kustomize edit set image` does. */
export const kustomizeSetImage: StepRunner = async (raw, ctx) => {
  const cfg = parseConfig('kustomize-set-image', Config, raw);
  const file = join(workPath(ctx.workDir, cfg.path), 'kustomization.yaml');
  const doc = parseDocument(
    await readFile(file, 'utf8').catch(() => {
      throw new StepFailure(`no kustomization.yaml in "${cfg.path}"`);
    }),
  );
  if (!isMap(doc.contents))
    throw new StepFailure(`"${cfg.path}/kustomization.yaml" is not a YAML mapping`);
  let images = doc.get('images');
  if (!isSeq(images)) {
    doc.set('images', doc.createNode([]));
    images = doc.get('images');
  }
  if (!isSeq(images)) throw new StepFailure('cannot create the images list');
  const changed: string[] = [];
  for (const u of cfg.images) {
    const v = resolve(u, ctx);
    let entry = images.items.find((i): i is YAMLMap => isMap(i) && i.get('name') === u.image);
    if (!entry) {
      entry = new YAMLMap();
      entry.set('name', u.image);
      images.items.push(entry);
    }
    if (u.newName) entry.set('newName', u.newName);
    if (v.newTag !== undefined) entry.set('newTag', v.newTag);
    if (v.digest) entry.set('digest', v.digest);
    changed.push(`${u.newName ?? u.image}:${v.newTag ?? v.digest ?? ''}`);
  }
  await writeFile(file, doc.toString());
  return {
    status: 'Succeeded',
    output: {
      commitMessage: `Updated ${cfg.path}/kustomization.yaml to use new image(s)\n\n- ${changed.join('\n- ')}`,
    },
  };
};
