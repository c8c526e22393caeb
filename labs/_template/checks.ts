// One check per task id in lab.yaml. A check reads the cluster through its context (get, list,
// can, cannot, admits, reach — bound to the lab's namespace) and returns observations; the engine decides
// pass or fail and words the message ("configmap/settings data.mode: expected demo, found Demo").
//
// - get(): a missing object fails the task with "not found yet"; helpers given undefined add nothing.
// - match(obj, pattern): a partial object; lists need some(...), every(...) or exactly([...]).
// - rolloutComplete, podReady, jobComplete, condition: decide as kubectl does, and poll while
//   controllers converge.
// - can/cannot: RBAC through SubjectAccessReview; reach: the NetworkPolicy evaluator.
// - Grade results, not commands, and read images from spec, never from status.
// See checker/README.md for the whole API.
import { defineChecks, match } from '../../checker/index.ts';

export default defineChecks({
  'first-task': async ({ get }) => {
    const settings = await get('v1', 'ConfigMap', 'settings');
    return match(settings, { data: { mode: 'demo' } });
  },
});
