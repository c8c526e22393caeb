// Which labs the kind tier proves on real nodes: every lab with a `runtime: containers` task,
// except those whose add-ons cannot run on a machine with no registry. Each exception is written
// here with its reason (and in the README); a lab that cannot be proven and is not listed fails
// the tier, so nothing drops out of it silently.
import type { LoadedLab } from '../../checker/lab/load.ts';

export const UNPROVEN_ON_KIND: Record<string, string> = {
  'lab-12': 'its Ingress controller, Contour, runs Envoy (C++): no image can be built from Go modules and Debian packages here, and its manifest is a release URL',
  'lab-19': 'metrics-server now comes from the project\'s own manifest with a stand-in built from its Go module, but its real-node proof has not been run yet',
  'lab-25': 'metrics-server and the VPA recommender now come from the project\'s own manifests with stand-ins built from Go modules, but its real-node proof has not been run yet',
  'lab-26': 'its Gateway implementation, NGINX Gateway Fabric, is not served as Go modules, and its data plane is NGINX built with modules Debian does not ship',
};

/**
 * Labs whose real-node proof the kind tier ran and that failed there: bugs it found, to be fixed
 * (each says what it saw). They are proven on simulated nodes meanwhile; remove a line when fixed.
 */
export const FAILING_ON_KIND: Record<string, string> = {
};

export async function kindLabs(labs: LoadedLab[]): Promise<{ proven: LoadedLab[]; unproven: { lab: LoadedLab; why: string }[] }> {
  const real = labs.filter((l) => l.tasks.some((t) => t.runtime === 'containers'));
  return {
    proven: real.filter((l) => !UNPROVEN_ON_KIND[l.id] && !FAILING_ON_KIND[l.id]),
    unproven: real
      .filter((l) => UNPROVEN_ON_KIND[l.id] || FAILING_ON_KIND[l.id])
      .map((lab) => ({ lab, why: UNPROVEN_ON_KIND[lab.id] ?? `the kind tier found a bug, not fixed yet: ${FAILING_ON_KIND[lab.id]}` })),
  };
}
