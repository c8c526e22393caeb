// Checks for lab-12. The Ingress is graded by what it would do, not by how it is written: sample
// requests for shop.example.com are routed the way the Ingress API defines it (Exact and Prefix,
// Prefix matched per path element, the longest path wins, Exact before Prefix on a tie), and each
// backend must name a port its Service really has. The TLS Secret is opened: its certificate must
// name the host in its subject alternative names, be valid now and belong to the key beside it.
// That traffic really flows needs Contour's Envoy, so the smoke test is graded on kind only.
// The clauses of each task (lab.yaml) are named above its check.
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { absent, defineChecks, jobComplete, match, observe, phrase, some, type KObject, type Observation } from '../../checker/index.ts';

const HOST = 'shop.example.com';
const NETWORKING = 'networking.k8s.io/v1';

interface IngressPath {
  path?: string;
  pathType?: string;
  backend?: { service?: { name?: string; port?: { number?: number; name?: string } }; resource?: { kind?: string; name?: string } };
}
interface ServicePort {
  name?: string;
  port: number;
}

/** Requests to try, and the Service each must reach. */
const REQUESTS: [path: string, service: 'api' | 'web'][] = [
  ['/api', 'api'],
  ['/api/cart', 'api'],
  ['/api/v1/items', 'api'],
  ['/', 'web'],
  ['/about', 'web'],
  ['/apis', 'web'],
];

const segments = (p: string) => p.split('/').filter(Boolean);

/**
 * Does this path of the Ingress match the request path? ImplementationSpecific is matched as Contour
 * matches a plain path (a string prefix), so the report can say which path won; the check then
 * refuses it, the task asks for Prefix.
 */
function matches(p: IngressPath, request: string): boolean {
  const path = p.path ?? '/';
  if (p.pathType === 'Exact') return path === request;
  if (p.pathType === 'Prefix') {
    const want = segments(path);
    const got = segments(request);
    return want.length <= got.length && want.every((s, i) => s === got[i]);
  }
  return request.startsWith(path);
}

/** The path that wins for a request: the longest match, Exact before Prefix when equally long. */
function route(paths: IngressPath[], request: string): IngressPath | undefined {
  const hits = paths.filter((p) => matches(p, request));
  const weight = (p: IngressPath) => (p.path ?? '/').length * 2 + (p.pathType === 'Exact' ? 1 : 0);
  return hits.sort((a, b) => weight(b) - weight(a))[0];
}

/** "service api, port 8080" — with what is wrong about the port, if anything. */
function describeBackend(p: IngressPath, services: KObject[]): { text: string; service?: string; port?: number } {
  const svc = p.backend?.service;
  if (!svc?.name) return { text: p.backend?.resource ? `resource ${p.backend.resource.kind}/${p.backend.resource.name}` : 'no backend' };
  const target = services.find((s) => s.metadata.name === svc.name);
  const ports: ServicePort[] = target?.spec?.ports ?? [];
  const asked = svc.port?.number ?? svc.port?.name;
  const found = ports.find((sp) => (svc.port?.number !== undefined ? sp.port === svc.port.number : sp.name === svc.port?.name));
  const known = ports.map((sp) => (sp.name ? `${sp.port}/${sp.name}` : String(sp.port))).join(', ');
  if (!target) return { text: `service ${svc.name}, port ${asked} (no Service ${svc.name} in lab-12)` };
  if (!found) return { text: `service ${svc.name}, port ${asked} (Service ${svc.name} has no such port; its ports: ${known})`, service: svc.name };
  return { text: `service ${svc.name}, port ${found.port}`, service: svc.name, port: found.port };
}

export default defineChecks({
  // class, host (every rule is for shop.example.com, and no default backend answers other hosts),
  // api-route, web-route, prefix, service-ports: sample requests routed as the Ingress API says.
  'ingress-routes': async ({ get, list }) => {
    const ing = await get(NETWORKING, 'Ingress', 'shop');
    if (!ing) return [];
    const services = await list('v1', 'Service');
    const servicePort = (name: string) => (services.find((s) => s.metadata.name === name)?.spec?.ports ?? [])[0]?.port as number | undefined;
    const rules: { host?: string; http?: { paths?: IngressPath[] } }[] = ing.spec?.rules ?? [];
    const paths: IngressPath[] = rules.filter((r) => r.host === HOST).flatMap((r) => r.http?.paths ?? []);
    const hosts = rules.map((r) => r.host ?? '*');
    const routes: Observation[] = REQUESTS.flatMap(([request, want]) => {
      const hit = route(paths, request);
      const wanted = `service ${want}, port ${servicePort(want) ?? '?'}, Prefix`;
      if (!hit) return observe(ing, `spec.rules[${HOST}] → https://${HOST}${request}`, wanted, phrase('noItems'), { ok: false });
      const b = describeBackend(hit, services);
      const ok = b.service === want && b.port !== undefined && b.port === servicePort(want) && hit.pathType === 'Prefix';
      return observe(ing, `spec.rules[${HOST}] → https://${HOST}${request}`, wanted, `${b.text}, ${hit.pathType ?? '-'} ${hit.path ?? '/'}`, { ok });
    });
    return [
      match(ing, { spec: { ingressClassName: 'contour' } }),
      observe(ing, 'spec.rules[].host', HOST, hosts.length ? hosts.join(', ') : phrase('noItems'), { ok: hosts.length > 0 && hosts.every((h) => h === HOST) }),
      match(ing, { spec: { defaultBackend: absent() } }),
      routes,
    ];
  },

  // name-type, san, valid-now, key-matches (any issuer: self-signed is enough, a CA's certificate
  // is as good; the first certificate of a chain is the server's).
  'tls-secret': async ({ get }) => {
    const secret = await get('v1', 'Secret', 'shop-tls');
    if (!secret) return [];
    const pem = (key: string) => (typeof secret.data?.[key] === 'string' ? Buffer.from(secret.data[key], 'base64').toString('utf8') : undefined);
    const crtPem = pem('tls.crt');
    const keyPem = pem('tls.key');
    let cert: X509Certificate | undefined;
    try {
      cert = crtPem ? new X509Certificate(crtPem) : undefined;
    } catch {
      cert = undefined;
    }
    const typed = match(secret, { type: 'kubernetes.io/tls' });
    if (!cert) return [typed, observe(secret, 'data["tls.crt"]', 'a PEM certificate', crtPem === undefined ? 'no key tls.crt' : 'not a readable certificate', { ok: false })];
    const now = Date.now();
    let keyMatches = false;
    try {
      keyMatches = keyPem !== undefined && cert.checkPrivateKey(createPrivateKey(keyPem));
    } catch {
      keyMatches = false;
    }
    // Clients check the subject alternative names; the subject's CN alone no longer counts.
    const show = `kubectl get secret shop-tls -n lab-12 -o jsonpath='{.data.tls\\.crt}' | base64 -d | openssl x509 -noout -text`;
    const withShow = (obs: Observation[]) => obs.map((o) => ({ ...o, kubectl: show }));
    const names = cert.subjectAltName ?? `no subject alternative names (subject ${cert.subject.replace(/\n/g, ', ')})`;
    return [
      typed,
      withShow(observe(secret, 'data["tls.crt"] subjectAltName', `covers ${HOST}`, names, { ok: cert.checkHost(HOST, { subject: 'never' }) !== undefined })),
      withShow(
        observe(secret, 'data["tls.crt"] validity', 'valid now', `valid from ${cert.validFrom} to ${cert.validTo}`, {
          ok: cert.validFromDate.getTime() <= now + 5 * 60_000 && cert.validToDate.getTime() > now,
        }),
      ),
      observe(secret, 'data["tls.key"]', 'the private key of this certificate', keyPem === undefined ? 'no key tls.key' : keyMatches ? 'the private key of this certificate' : 'a key that does not belong to the certificate', {
        ok: keyMatches,
      }),
    ];
  },

  // tls-host, secret-name.
  'ingress-tls': async ({ get }) => match(await get(NETWORKING, 'Ingress', 'shop'), { spec: { tls: some({ hosts: some(HOST), secretName: 'shop-tls' }) } }),

  // job-smoke, https (to envoy.projectcontour, for the host shop.example.com), api-path, root-path,
  // completes. What the Job asks for is read from its command (paths in a loop count too); whether
  // both answered needs real nodes: on the simulated cluster every Job completes, whatever it fetched.
  'smoke-test': async ({ get }) => {
    const job = await get('batch/v1', 'Job', 'smoke');
    if (!job) return [];
    const containers: { command?: string[]; args?: string[] }[] = job.spec?.template?.spec?.containers ?? [];
    const commandLine = containers.map((c) => [...(c.command ?? []), ...(c.args ?? [])].join(' ')).join('; ');
    const at = 'spec.template.spec.containers[].command';
    const https = commandLine.includes(`https://${HOST}`) && !commandLine.includes(`http://${HOST}`) && /\benvoy\.projectcontour\b/.test(commandLine);
    const apiPath = new RegExp(`(${HOST.replace(/\./g, '\\.')}|[\\s'"])/api(/|\\b)`).test(commandLine);
    const rootPath = new RegExp(`https://${HOST.replace(/\./g, '\\.')}/?(?=[\\s'";]|$)`).test(commandLine) || /\s\/(?=[\s'";]|$)/.test(commandLine);
    return [
      observe(job, at, `https://${HOST} → envoy.projectcontour`, commandLine || phrase('absent'), { ok: https }),
      observe(job, at, `https://${HOST}/api…`, commandLine || phrase('absent'), { ok: apiPath }),
      observe(job, at, `https://${HOST}/`, commandLine || phrase('absent'), { ok: rootPath }),
      jobComplete(job),
    ];
  },
});
