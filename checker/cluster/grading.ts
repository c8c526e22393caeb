// Who the checker is when it grades: on a cluster Wheelhouse keeps (a record beside the kubeconfig),
// the context the record pins and the user wheelhouse:grader, impersonated. That user may get,
// list and watch everything and create anything, and a ValidatingAdmissionPolicy refuses it every
// request that is not a dry run (lifecycle/grader.ts installs both): the dry-run probes of checks
// work, and a check that tries to change the cluster is refused by the API server itself, not by
// convention (#14). A kubeconfig someone names without a Wheelhouse record is used as it is: its
// identity is theirs to choose.
import { readState } from '../core/state.ts';
import { ClusterError } from '../core/errors.ts';

export const GRADER_USER = 'wheelhouse:grader';

export interface GradingIdentity {
  context?: string;
  impersonate?: string;
}

/** The context and user to grade with, from Wheelhouse's record beside the kubeconfig. */
export async function gradingIdentity(kubeconfig: string): Promise<GradingIdentity> {
  let state;
  try {
    state = await readState(kubeconfig);
  } catch (err) {
    throw new ClusterError('bad-kubeconfig', (err as Error).message.split('\n')[0], { cause: err });
  }
  return state ? { context: state.context, impersonate: GRADER_USER } : {};
}

/** A reader for grading: the record's context, as the grader. */
export async function connectForGrading(kubeconfig: string, requestTimeoutMs?: number) {
  const { connect } = await import('./client.ts');
  return connect({ kubeconfig, requestTimeoutMs, ...(await gradingIdentity(kubeconfig)) });
}
