// Where each lab starts in its lesson: the section (its heading id, per locale) after which the
// lesson offers "Try it in lab-NN" (site/components/MarkdownContent.astro). Kept here as data so the
// lesson texts stay prose; test/e2e/site.spec.ts fails when a heading id here no longer exists.
import type { Locale } from './locale.ts';

export const labSections: Record<string, Record<Locale, string>> = {
  'lab-01': { en: 'how-the-control-plane-itself-runs', ko: '컨트롤-플레인-자체는-어떻게-도는가' },
  'lab-02': { en: 'your-first-pod', ko: '첫-파드-만들기' },
  'lab-03': { en: 'several-containers-in-one-pod', ko: '파드-하나에-컨테이너-여러-개' },
  'lab-04': { en: 'annotations', ko: '어노테이션' },
  'lab-05': { en: 'resourcequota-and-limitrange', ko: '리소스-쿼터와-리밋-레인지' },
  'lab-06': { en: 'replicaset-keep-n-pods-alive', ko: '레플리카셋-파드-n개-유지하기' },
  'lab-07': { en: 'deployment-versions-and-rollouts', ko: '디플로이먼트-버전과-롤아웃' },
  'lab-08': { en: 'statefulset-pods-with-an-identity', ko: '스테이트풀셋-정체성이-있는-파드' },
  'lab-09': { en: 'daemonset-one-pod-per-node', ko: '데몬셋-노드마다-파드-하나' },
  'lab-10': { en: 'cronjob-jobs-on-a-schedule', ko: '크론잡-일정에-따라-도는-잡' },
  'lab-11': { en: 'services', ko: '서비스' },
  'lab-12': { en: 'ingress', ko: '인그레스' },
  'lab-13': { en: 'networkpolicy', ko: '네트워크-폴리시' },
  'lab-14': { en: 'persistentvolumes-and-claims', ko: '퍼시스턴트볼륨과-클레임' },
  'lab-15': { en: 'secrets', ko: '시크릿' },
  'lab-16': { en: 'taints-and-tolerations', ko: '테인트와-톨러레이션' },
  'lab-17': { en: 'authorization-with-rbac', ko: 'rbac으로-인가하기' },
  'lab-18': { en: 'pod-security-standards', ko: '파드-보안-표준' },
  'lab-19': { en: 'scaling-on-metrics-the-horizontalpodautoscaler', ko: '메트릭으로-스케일링-horizontalpodautoscaler' },
  'lab-20': { en: 'a-troubleshooting-method', ko: '트러블슈팅-순서' },
  'lab-21': { en: 'priority-and-preemption', ko: '우선순위와-선점' },
  'lab-22': { en: 'validatingadmissionpolicy-checks-in-cel', ko: 'validatingadmissionpolicy-cel로-검사하기' },
  'lab-23': { en: 'anatomy-of-a-customresourcedefinition', ko: 'customresourcedefinition-해부' },
  'lab-24': { en: 'taking-a-node-out-of-service', ko: '노드를-서비스에서-빼기' },
  'lab-25': { en: 'the-vertical-pod-autoscaler', ko: 'vertical-pod-autoscaler' },
  'lab-26': { en: 'routing-the-shop', ko: '쇼핑몰-라우팅하기' },
};

/**
 * Puts each link at the end of its lab's section (before the next h2), in the rendered lesson HTML.
 * A link whose section is not found goes to the end, marked data-placed="end" for the test to catch.
 */
export function placeLabLinks(html: string, links: { section?: string; html: string }[]): string {
  const tail: string[] = [];
  const inserts: { at: number; html: string }[] = [];
  for (const link of links) {
    const start = link.section ? html.indexOf(`<h2 id="${link.section}"`) : -1;
    if (start < 0) {
      tail.push(link.html.replace('data-placed="section"', 'data-placed="end"'));
      continue;
    }
    const next = html.indexOf('<h2', start + 1);
    inserts.push({ at: next < 0 ? html.length : next, html: link.html });
  }
  // From the last position back, so earlier positions stay valid.
  for (const { at, html: h } of inserts.sort((a, b) => b.at - a.at)) html = `${html.slice(0, at)}${h}\n${html.slice(at)}`;
  return html + tail.join('\n');
}
