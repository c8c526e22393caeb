// What a lab's checks.ts imports. Everything here is safe to load without a cluster and without
// @kubernetes/client-node: the engine brings the cluster, checks only describe what to look at.
export { defineChecks, type Check, type CheckContext, type Checks } from './checks/define.ts';
export { match, some, every, exactly, atLeast, atMost, oneOf, present, absent, matching, not, ownedBy, filterList, observe, type Matcher, type Pattern } from './checks/match.ts';
export { rolloutComplete, podReady, podReadyAndUp, jobComplete, condition } from './checks/status.ts';
export { canReach, matchesSelector, type ReachQuestion, type ReachAnswer } from './checks/network-policy.ts';
export { image, quantity, sameImage, sameQuantity, parseQuantity } from './checks/values.ts';
export { sameObject, replacedUids } from './checks/identity.ts';
export { phrase, type Observation, type Observations } from './checks/observation.ts';
export type { KObject } from './cluster/types.ts';
