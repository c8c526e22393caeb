// Every container image the course runs, derived from the labs: their setup manifests, their
// correct solutions (solve.sh, alt-*.sh: the images a learner is told to use) and their add-ons.
// `npm run lab -- prefetch` pulls this list before class and loads it into the kind nodes, so a
// workshop on poor Wi-Fi needs the network once; CI builds a local stand-in under each name.
//
// An image a lab names on purpose so that it cannot be pulled (a broken rollout, a typo to find)
// carries "nope" in its tag or lives under the reserved domain example.com (RFC 2606): it is left
// out of the list.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { LoadedLab } from './load.ts';

export const UNPULLABLE = /nope|(^|\.)example\.(com|org|net)(:\d+)?(\/|$)/;

export interface CourseImage {
  image: string;
  /** The labs that run it. */
  labs: string[];
  /** Where it comes from: a lab's setup or solution, or the add-on that brings it. */
  from: ('setup' | 'solution' | `addon:${string}`)[];
}

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/** Images of every container, init container and ephemeral container anywhere in a parsed object. */
export function manifestImages(doc: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(doc)) for (const d of doc) manifestImages(d, found);
  else if (doc && typeof doc === 'object') {
    for (const [k, v] of Object.entries(doc)) {
      if (CONTAINER_LISTS.has(k) && Array.isArray(v)) for (const c of v) if (typeof c?.image === 'string') found.add(c.image);
      manifestImages(v, found);
    }
  }
  return found;
}

/**
 * Images a shell script runs: `--image=X`, `--image X`, `image: X` in a here-document, and
 * `kubectl set image … NAME=X`.
 */
export function scriptImages(text: string): Set<string> {
  const found = new Set<string>();
  const ref = String.raw`((?:[a-z0-9.-]+(?::\d+)?/)?[a-z0-9][a-z0-9._/-]*(?::[A-Za-z0-9._-]+)?(?:@sha256:[a-f0-9]{64})?)`;
  for (const m of text.matchAll(new RegExp(String.raw`--image[= ]["']?${ref}`, 'g'))) found.add(m[1]);
  for (const m of text.matchAll(new RegExp(String.raw`^[ \t]*-?[ \t]*image:[ \t]*["']?${ref}[ \t]*["']?[ \t]*(?:#.*)?$`, 'gm'))) found.add(m[1]);
  for (const m of text.matchAll(/\bset\s+image\s+\S+((?:\s+[a-z0-9-]+=\S+)+)/g)) {
    for (const pair of m[1].trim().split(/\s+/)) found.add(pair.slice(pair.indexOf('=') + 1).replace(/["']/g, ''));
  }
  return found;
}

/** A reference as Docker names it locally: `nginx` is `nginx:latest`. */
export function normalizeImage(image: string): string {
  if (image.includes('@')) return image;
  const lastSlash = image.lastIndexOf('/');
  return image.slice(lastSlash + 1).includes(':') ? image : `${image}:latest`;
}

/** The images one lab runs (on kind: add-ons that install on kind only count there too). */
export async function labImages(lab: LoadedLab): Promise<Map<string, CourseImage['from']>> {
  const out = new Map<string, CourseImage['from']>();
  const add = (image: string, from: CourseImage['from'][number]) => {
    const name = normalizeImage(image);
    if (UNPULLABLE.test(name)) return;
    const list = out.get(name) ?? [];
    if (!list.includes(from)) list.push(from);
    out.set(name, list);
  };
  const setupDir = join(lab.dir, 'setup');
  for (const f of (await readdir(setupDir).catch(() => [] as string[])).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    for (const doc of parseAllDocuments(await readFile(join(setupDir, f), 'utf8'))) for (const i of manifestImages(doc.toJS())) add(i, 'setup');
  }
  const solDir = join(lab.dir, 'solution');
  for (const f of (await readdir(solDir).catch(() => [] as string[])).filter((f) => /^(solve|alt-[a-z0-9-]+)\.sh$/.test(f)).sort()) {
    for (const i of scriptImages(await readFile(join(solDir, f), 'utf8'))) add(i, 'solution');
  }
  for (const a of lab.addons) for (const i of a.images) add(i, `addon:${a.name}`);
  return out;
}

/** Every image of the given labs, sorted by name. */
export async function courseImages(labs: LoadedLab[]): Promise<CourseImage[]> {
  const all = new Map<string, CourseImage>();
  for (const lab of labs) {
    for (const [image, from] of await labImages(lab)) {
      const entry = all.get(image) ?? { image, labs: [], from: [] };
      entry.labs.push(lab.id);
      for (const f of from) if (!entry.from.includes(f)) entry.from.push(f);
      all.set(image, entry);
    }
  }
  return [...all.values()].sort((a, b) => a.image.localeCompare(b.image));
}
