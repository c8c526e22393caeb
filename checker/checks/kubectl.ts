// The kubectl command that shows what an observation looked at, so a learner can see it themselves.
import { kubectlKind } from '../cluster/resources.ts';
import type { Subject } from './observation.ts';

export type PathPart = string | number;

/** Display form of a field path: spec.template.spec.containers[0].image, metadata.labels["app.kubernetes.io/name"]. */
export function fieldPath(parts: readonly PathPart[]): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(p)}]`;
  }
  return out;
}

/** kubectl jsonpath for a field path: {.metadata.labels.app\.kubernetes\.io/name}. */
export function jsonPath(parts: readonly PathPart[]): string {
  return `{${parts.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p.replace(/\./g, '\\.')}`)).join('')}}`;
}

/** Quotes a shell word when it needs it. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function nsFlag(namespace: string | undefined): string {
  return namespace ? ` -n ${shellWord(namespace)}` : '';
}

/** Short name used in messages and commands: deployment/web. */
export function subjectName(subject: Subject): string {
  if ('label' in subject) return subject.label;
  const kind = kubectlKind(subject.apiVersion, subject.kind);
  if ('list' in subject) return `${kind}${subject.labelSelector ? ` -l ${subject.labelSelector}` : ''}`;
  return `${kind}/${subject.name}`;
}

/** kubectl get KIND NAME -n NS [-o jsonpath='{...}'] */
export function getCommand(subject: Subject, parts: readonly PathPart[] = []): string | undefined {
  if ('label' in subject) return undefined;
  const kind = kubectlKind(subject.apiVersion, subject.kind);
  if ('list' in subject) {
    const selector = subject.labelSelector ? ` -l ${shellWord(subject.labelSelector)}` : '';
    return `kubectl get ${kind}${nsFlag(subject.namespace)}${selector}`;
  }
  const output = parts.length ? ` -o jsonpath=${shellWord(jsonPath(parts))}` : '';
  return `kubectl get ${kind} ${shellWord(subject.name)}${nsFlag(subject.namespace)}${output}`;
}

export function rolloutStatusCommand(subject: Subject): string | undefined {
  if ('label' in subject || 'list' in subject) return undefined;
  return `kubectl rollout status ${kubectlKind(subject.apiVersion, subject.kind)}/${shellWord(subject.name)}${nsFlag(subject.namespace)}`;
}

export function canICommand(user: string, verb: string, resource: string, namespace?: string, name?: string): string {
  const target = name ? `${resource}/${name}` : resource;
  return `kubectl auth can-i ${shellWord(verb)} ${shellWord(target)}${nsFlag(namespace)} --as=${shellWord(user)}`;
}
