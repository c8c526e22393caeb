// Which labs the kind tier proves on real nodes: every lab with a `runtime: containers` task,
// except those whose add-ons cannot run on a machine with no registry. Each exception is written
// here with its reason (and in the README); a lab that cannot be proven and is not listed fails
// the tier, so nothing drops out of it silently.
import type { LoadedLab } from '../../checker/lab/load.ts';

export const UNPROVEN_ON_KIND: Record<string, string> = {
  'lab-12': 'its Ingress controller, Contour, runs Envoy (C++): no image can be built from Go modules and Debian packages here, and its manifest is a release URL',
  'lab-19': 'run on kind: metrics-server and the HPA work, but on two busy cores the three busybox load loops (each wget a process) take most of the CPU and leave nginx at about 60% of its 100m request, so the HPA scales only after 90 s or more, past the tier\'s wait; a lighter load that still drives nginx is to be found',
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
