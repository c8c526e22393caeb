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

/**
 * Near misses whose blame the kind tier found in the wrong place on real nodes (`LAB/SCRIPT`): the
 * rest of their lab is proven there; these are left out, with what was seen, until fixed.
 */
export const NEAR_MISSES_FAILING_ON_KIND: Record<string, string> = {
  'lab-07/mistake-probe-healthz':
    'on real nodes the broken readiness probe also stalls the undo, so the bad ReplicaSet keeps its Pod and rolled-back (bad-rs-empty) fails before all-available: that clause belongs with the finished rollout',
  'lab-18/mistake-probe-old-port':
    'on real nodes the unready Pods stall the rollout at one new Pod, so pods-created (two Pods of the newest ReplicaSet) fails before pods-running: counting Pods belongs with the finished rollout',
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
