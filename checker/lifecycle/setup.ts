// A lab's starting state: the manifests in setup/, read in file-name order, checked before
// anything is applied (every object must carry wheelhouse.dev/lab: <lab id>, or `lab reset`
// could not find it), and cut into the kubectl apply calls that create it.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { KObject } from '../cluster/types.ts';
import type { LoadedLab } from '../lab/load.ts';
import { displayPath } from '../core/paths.ts';
import { LifecycleError } from '../core/errors.ts';

export const LAB_LABEL = 'wheelhouse.dev/lab';

export interface SetupObject {
  /** The file it came from, as shown to people. */
  file: string;
  object: KObject;
}

const MANIFEST = /\.(ya?ml|json)$/;

/** Every object in setup/, in file-name order then document order. Throws broken-lab on a problem. */
export async function readSetup(lab: LoadedLab): Promise<SetupObject[]> {
  const dir = join(lab.dir, 'setup');
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => MANIFEST.test(f)).sort();
  } catch {
    return []; // a lab may start from an empty namespace
  }
  const out: SetupObject[] = [];
  const problems: string[] = [];
  for (const f of files) {
    const path = join(dir, f);
    const shown = displayPath(path);
    const docs = parseAllDocuments(await readFile(path, 'utf8'));
    for (const doc of Array.isArray(docs) ? docs : [docs]) {
      if (doc.errors.length) {
        problems.push(`${shown}: ${doc.errors[0].message.split('\n')[0]}`);
        continue;
      }
      const value = doc.toJS() as KObject | null;
      if (value === null || value === undefined) continue;
      // kubectl accepts a List of objects in one document; look inside it.
      const objects = value.kind === 'List' || /List$/.test(value.kind ?? '') ? ((value as { items?: KObject[] }).items ?? []) : [value];
      for (const object of objects) {
        if (typeof object !== 'object' || !object?.kind || !object.metadata?.name) {
          problems.push(`${shown}: a document without kind or metadata.name`);
          continue;
        }
        out.push({ file: shown, object });
      }
    }
  }
  for (const o of unlabelled(out, lab.id)) {
    problems.push(`${o.file}: ${o.object.kind}/${o.object.metadata.name} has no label ${LAB_LABEL}: ${lab.id}`);
  }
  if (problems.length) throw new LifecycleError('broken-lab', 'setupProblems', { lab: lab.id, problems: problems.join('\n') });
  return out;
}

/** Objects without the lab's label: `lab reset` would never remove them. */
export function unlabelled(objects: SetupObject[], labId: string): SetupObject[] {
  return objects.filter((o) => o.object.metadata.labels?.[LAB_LABEL] !== labId);
}

export interface ApplyBatch {
  /** kubectl's -n: the lab's namespace, or the one the objects name. */
  namespace: string;
  objects: KObject[];
  /** CustomResourceDefinitions in this batch: wait until they are established before the next one. */
  crds: string[];
}

/**
 * Consecutive objects for the same namespace go in one `kubectl apply` (one process, fast). A
 * batch ends after CustomResourceDefinitions, because objects of their kinds can be created only
 * once the API server serves them, and where the namespace changes (kubectl refuses an object
 * whose namespace differs from -n).
 */
export function applyBatches(objects: KObject[], labNamespace: string): ApplyBatch[] {
  const batches: ApplyBatch[] = [];
  for (const object of objects) {
    const namespace = object.metadata.namespace ?? labNamespace;
    let last = batches.at(-1);
    const isCrd = object.kind === 'CustomResourceDefinition' && object.apiVersion.startsWith('apiextensions.k8s.io/');
    if (!last || last.namespace !== namespace || (last.crds.length && !isCrd)) {
      last = { namespace, objects: [], crds: [] };
      batches.push(last);
    }
    last.objects.push(object);
    if (isCrd) last.crds.push(object.metadata.name);
  }
  return batches;
}
