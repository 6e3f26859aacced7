import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { git } from '../git/git-cli.js';

export type Files = Record<string, string>;

async function writeFiles(dir: string, files: Files): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

/** A working repository on `main` with one commit (and an optional tag). */
export async function initRepo(
  dir: string,
  files: Files,
  message: string,
  tag?: string,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  await git(['init', '--quiet', '--initial-branch=main'], { cwd: dir });
  await commitFiles(dir, files, message, tag);
}

export async function commitFiles(
  dir: string,
  files: Files,
  message: string,
  tag?: string,
): Promise<string> {
  await writeFiles(dir, files);
  await git(['add', '--all'], { cwd: dir });
  await git(['commit', '--quiet', '-m', message], { cwd: dir });
  if (tag) await git(['tag', '-a', tag, '-m', `Release ${tag}`], { cwd: dir });
  return (await git(['rev-parse', 'HEAD'], { cwd: dir })).trim();
}

/** A bare repository (promotions push to it) seeded with the given files on `main`. */
export async function initBareRepo(
  dir: string,
  files: Files,
  scratch: string,
  branches: string[] = [],
): Promise<void> {
  await initRepo(scratch, files, 'Initial GitOps layout');
  for (const b of branches) await git(['branch', b], { cwd: scratch });
  await git(['clone', '--quiet', '--bare', scratch, dir]);
}
