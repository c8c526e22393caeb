// Whether a lab changes nodes: such a lab must run alone on a shared cluster (a drain empties a
// whole node; a taint or label steers every lab's Pods), while the others can run side by side.
import { readFile } from 'node:fs/promises';
import type { LoadedLab } from '../../checker/lab/load.ts';
import type { SolutionScript } from '../../checker/lifecycle/solve.ts';

/** lab.yaml `nodes`, or a solution that labels, taints, cordons, drains or edits a node. */
export async function changesNodes(lab: LoadedLab, scripts: SolutionScript[]): Promise<boolean> {
  if (lab.nodes.length) return true;
  const texts = await Promise.all(scripts.map((s) => readFile(s.file, 'utf8')));
  return texts.some((t) => /\bkubectl\s+(taint|cordon|uncordon|drain)\b|\bkubectl\s+(label|annotate|patch|edit)\s+(nodes?|no)\b|\bkubectl\s+(label|annotate|patch|edit|taint)\s+(-\S+\s+)*nodes?\//.test(t));
}
