// RBAC questions as SubjectAccessReviews, asked the way `kubectl auth can-i --as=...` asks them:
// a service account is the user system:serviceaccount:NS:NAME *with its groups*
// (system:serviceaccounts, system:serviceaccounts:NS, system:authenticated). Without the groups a
// RoleBinding to the group system:serviceaccounts:NS would be missed.
import type { SubjectAccessReviewSpec } from '../cluster/types.ts';

/** Who is asking: a service account (in the lab namespace unless given), or a user with groups. */
export type AccessSubject = { serviceAccount: string; namespace?: string } | { user: string; groups?: string[] } | string;

export interface AccessQuestion {
  /** get, list, create, delete, … or * */
  verb: string;
  /** resource[.group][/subresource]: pods, deployments.apps, pods/log, cronjobs.batch */
  resource: string;
  /** Namespace of the request; undefined for cluster-scoped resources. */
  namespace?: string;
  name?: string;
}

export function userAndGroups(subject: AccessSubject, defaultNamespace: string): { user: string; groups: string[] } {
  if (typeof subject === 'string') {
    const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(subject);
    return sa ? serviceAccountUser(sa[2], sa[1]) : { user: subject, groups: ['system:authenticated'] };
  }
  if ('serviceAccount' in subject) return serviceAccountUser(subject.serviceAccount, subject.namespace ?? defaultNamespace);
  return { user: subject.user, groups: subject.groups ?? ['system:authenticated'] };
}

function serviceAccountUser(name: string, namespace: string): { user: string; groups: string[] } {
  return { user: `system:serviceaccount:${namespace}:${name}`, groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'] };
}

/** Splits deployments.apps/scale into resource, group and subresource. */
export function parseResource(resource: string): { resource: string; group: string; subresource?: string } {
  const [main, subresource] = resource.split('/');
  const dot = main.indexOf('.');
  return dot < 0 ? { resource: main, group: '', subresource } : { resource: main.slice(0, dot), group: main.slice(dot + 1), subresource };
}

export function reviewSpec(subject: AccessSubject, q: AccessQuestion, defaultNamespace: string): SubjectAccessReviewSpec {
  const { user, groups } = userAndGroups(subject, defaultNamespace);
  const r = parseResource(q.resource);
  return {
    user,
    groups,
    resourceAttributes: {
      verb: q.verb,
      resource: r.resource,
      group: r.group,
      ...(r.subresource ? { subresource: r.subresource } : {}),
      ...(q.namespace ? { namespace: q.namespace } : {}),
      ...(q.name ? { name: q.name } : {}),
    },
  };
}
