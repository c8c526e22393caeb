// The site's door to the checker's lab model. The site is bundled into dist/ at build time, so the
// checker's own default (a path next to its source file) would point inside dist/: pass labs/ explicitly.
// Astro runs from the project root (npm scripts, site/server/start.ts).
import { join } from 'node:path';
import { listLabs as listAll, loadLab as loadOne, LabError, type LoadedLab } from '../checker/lab/load.ts';

export { LabError, type LoadedLab };
export const labsDir = join(process.cwd(), 'labs');
export const listLabs = () => listAll(labsDir);
export const loadLab = (id: string) => loadOne(id, labsDir);
