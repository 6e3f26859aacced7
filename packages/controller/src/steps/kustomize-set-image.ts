import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import { z } from 'zod';
import { parseConfig } from './parse-config.js';
import { workPath } from './paths.js';
import { StepFailure, type StepContext, type StepRunner } from './step-types.js';

// Kargo v1.11's kustomize-set-image: `images[]` of {image, name, newName, tag | digest}; with no
// images, every image of the Freight being promoted.
const Config = z.strictObject({
  path: z.string().min(1),
  images: z
    .array(
      z
        .strictObject({
          image: z.string().min(1),
          name: z.string().optional(),
          newName: z.string().optional(),
          tag: z.string().optional(),
          digest: z.string().optional(),
        })
        .refine((i) => Boolean(i.tag) !== Boolean(i.digest), {
          message: 'set exactly one of tag and digest',
        }),
    )
    .optional(),
});

interface KustomizeImage {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

/** `*` keeps the value the kustomization already has. */
const PRESERVE = '*';
const NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

function targetsFromConfig(
  images: NonNullable<z.infer<typeof Config>['images']>,
): KustomizeImage[] {
  return images.map((i) => ({
    name: i.name || i.image,
    ...(i.newName ? { newName: i.newName } : {}),
    ...(i.digest ? { digest: i.digest } : { newTag: i.tag ?? '' }),
  }));
}

function targetsFromFreight(ctx: StepContext): KustomizeImage[] {
  const byRepo = new Map<string, KustomizeImage>();
  for (const ref of ctx.freight)
    for (const img of ref.images ?? []) {
      const repo = img.repoURL ?? '';
      if (byRepo.has(repo))
        throw new Error(
          `manual configuration required due to ambiguous result: several Freight carry images from ${repo}`,
        );
      byRepo.set(repo, {
        name: repo,
        ...(img.tag ? { newTag: img.tag } : {}),
        ...(img.digest ? { digest: img.digest } : {}),
      });
    }
  return [...byRepo.values()];
}

/** Existing entries merged with the targets (targets win, `*` keeps), sorted by name. */
function merge(current: KustomizeImage[], targets: KustomizeImage[]): KustomizeImage[] {
  const out = new Map(current.map((c) => [c.name, c]));
  for (const t of targets) {
    const was = out.get(t.name);
    const keep = (v: string | undefined, old: string | undefined) => (v === PRESERVE ? old : v);
    const next: KustomizeImage = { name: t.name };
    const newName = keep(t.newName, was?.newName);
    const newTag = keep(t.newTag, was?.newTag);
    const digest = keep(t.digest, was?.digest);
    if (newName) next.newName = newName;
    if (newTag) next.newTag = newTag;
    if (digest) next.digest = digest;
    out.set(t.name, next);
  }
  return [...out.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function commitMessage(path: string, images: KustomizeImage[]): string {
  const refs = [...images]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((i) => {
      let ref = i.newName || i.name;
      if (i.newTag) ref += `:${i.newTag}`;
      if (i.digest) ref += `@${i.digest}`;
      return `\n- ${ref}`;
    });
  return `Updated ${path} to use new image${images.length > 1 ? 's' : ''}\n${refs.join('')}`;
}

/** Sets `images:` in a Kustomization the way Kargo's kustomize-set-image step does. */
export const kustomizeSetImage: StepRunner = async (raw, ctx) => {
  const cfg = parseConfig('kustomize-set-image', Config, raw);
  const dir = workPath(ctx.workDir, cfg.path);
  const found = NAMES.map((n) => join(dir, n)).filter((p) => existsSync(p));
  if (found.length === 0)
    throw new Error(`could not find any Kustomization files in "${cfg.path}"`);
  if (found.length > 1)
    throw new Error(`ambiguous result: found multiple Kustomization files in "${cfg.path}"`);
  const file = found[0] ?? '';
  const doc = parseDocument(await readFile(file, 'utf8'));
  if (!isMap(doc.contents)) throw new StepFailure(`"${cfg.path}" has no Kustomization mapping`);
  const currentNode = doc.get('images');
  const current = (isSeq(currentNode) ? (currentNode.toJSON() as KustomizeImage[]) : []).filter(
    (i) => typeof i?.name === 'string',
  );
  const targets = cfg.images?.length ? targetsFromConfig(cfg.images) : targetsFromFreight(ctx);
  doc.set('images', doc.createNode(merge(current, targets)));
  await writeFile(file, doc.toString());
  return targets.length
    ? { status: 'Succeeded', output: { commitMessage: commitMessage(cfg.path, targets) } }
    : { status: 'Succeeded' };
};
