// The reporters: the text a learner reads (en and ko), the versioned JSON, JUnit XML.
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../checker/lab/load.ts';
import { loadChecks } from '../../checker/checks/define.ts';
import { FakeCluster, clusterFailures } from '../support/fake-cluster.ts';
import { grade, type GradeResult } from '../../checker/engine/grade.ts';
import { renderText, wantsColor } from '../../checker/report/text.ts';
import { RESULT_VERSION, toJson } from '../../checker/report/json.ts';
import { renderJunit, escapeXml } from '../../checker/report/junit.ts';
import { showValue } from '../../checker/report/words.ts';
import { phrase } from '../../checker/checks/observation.ts';
import { say } from '../../checker/core/i18n.ts';
import { solvedState, startState } from '../fixtures/lab-07-states.ts';

const lab = await loadLab('lab-07');
const checks = await loadChecks(lab);

/** A result with every outcome: fail, pass, error and both kinds of skip. Times fixed for snapshots. */
async function mixedResult(): Promise<GradeResult> {
  const objects = startState();
  const deployment = objects.find((o) => o.kind === 'Deployment')!;
  deployment.spec.strategy.rollingUpdate = { maxSurge: 1, maxUnavailable: 0 };
  const cluster = new FakeCluster({ objects });
  cluster.beforeRequest = (req) => {
    if (req.startsWith('list apps/v1 ReplicaSet')) throw clusterFailures.forbidden();
  };
  const r = await grade(lab, checks, { reader: cluster, intervalMs: 5, deadlineMs: 100 });
  return freeze(r);
}

function freeze(r: GradeResult): GradeResult {
  return { ...r, startedAt: new Date('2026-11-22T10:00:00Z'), durationMs: 1234, tasks: r.tasks.map((t) => ({ ...t, durationMs: 12 })) };
}

describe('text report', () => {
  it('English: a line per task, then expected/found, the command and the hint', async () => {
    expect(renderText(await mixedResult(), { lang: 'en' })).toMatchInlineSnapshot(`
      "lab-07 · Scaling and rolling updates of a Deployment
      cluster https://fake.invalid (v1.37.0, simulated nodes)

      ✗ web-scaled        Scale web to five replicas  0/1
          deployment/web spec.replicas: expected 5, found 2
            $ kubectl get deployment web -n lab-07 -o jsonpath='{.spec.replicas}'
          hint: The number of Pods is \`spec.replicas\`. \`kubectl scale\` changes it without editing YAML.
      ✓ rollout-strategy  Replace Pods one at a time, never fewer than five  2/2
      ! image-updated     Update to nginx:1.27 and record why  0/2
          cannot grade: deployments.apps "web" is forbidden: User "system:anonymous" cannot get resource "deployments"
          → The checker needs to get and list objects and create SubjectAccessReviews. On a Wheelhouse cluster it reads as the user wheelhouse:grader, which \`npm run lab -- up lab-07\` sets up; on another cluster, grant it read access (see checker/README.md).
      – rolled-back       Roll out a bad image, then undo it  0/3
          skipped: needs image-updated to pass first
      – all-available     Five Pods serve behind the Service
          not graded here: this task needs real containers, and this cluster simulates its nodes (use the kind provider)

      Score 2/8 · 1 passed, 1 failed, 1 error, 2 skipped
      "
    `);
  });

  it('Korean: the same report in Korean', async () => {
    expect(renderText(await mixedResult(), { lang: 'ko' })).toMatchInlineSnapshot(`
      "lab-07 · 디플로이먼트(Deployment) 스케일링과 롤링 업데이트
      클러스터 https://fake.invalid (v1.37.0, 시뮬레이션 노드)

      ✗ web-scaled        web을 레플리카 5개로 늘리기  0/1
          deployment/web spec.replicas: 기대값 5, 실제값 2
            $ kubectl get deployment web -n lab-07 -o jsonpath='{.spec.replicas}'
          힌트: 파드 수는 \`spec.replicas\`입니다. \`kubectl scale\`을 쓰면 YAML을 고치지 않고도 바꿀 수 있습니다.
      ✓ rollout-strategy  파드를 하나씩 교체하고, 5개 밑으로 내려가지 않게 하기  2/2
      ! image-updated     nginx:1.27로 업데이트하고 사유 남기기  0/2
          채점할 수 없음: deployments.apps "web" is forbidden: User "system:anonymous" cannot get resource "deployments"
          → 체커는 오브젝트를 get/list하고 SubjectAccessReview를 만들 수 있어야 합니다. Wheelhouse 클러스터에서는 wheelhouse:grader 사용자로 읽으며, \`npm run lab -- up lab-07\`이 이 사용자를 준비합니다. 다른 클러스터라면 읽기 권한을 주세요(checker/README.md 참고).
      – rolled-back       잘못된 이미지를 배포했다가 되돌리기  0/3
          건너뜀: image-updated을(를) 먼저 통과해야 함
      – all-available     서비스 뒤에서 파드 5개가 응답하기
          여기서는 채점하지 않음: 실제 컨테이너가 필요한 작업인데 이 클러스터는 노드를 시뮬레이션함 (kind 프로바이더를 쓰세요)

      점수 2/8 · 통과 1, 실패 1, 오류 1, 건너뜀 2
      "
    `);
  });

  it('all passed', async () => {
    const r = freeze(await grade(lab, checks, { reader: new FakeCluster({ objects: solvedState() }), intervalMs: 5, deadlineMs: 100 }));
    const text = renderText(r, { lang: 'en' });
    expect(text).toContain('Score 8/8 · 4 passed, 0 failed, 0 errors, 1 skipped\nAll tasks pass.');
    expect(text).not.toContain('hint:');
  });

  it('--verbose shows passing observations too, and the run time', async () => {
    const text = renderText(await mixedResult(), { lang: 'en', verbose: true });
    expect(text).toContain('✓ deployment/web spec.strategy.rollingUpdate.maxSurge (one Pod, whatever the replicas): expected 1, found 1');
    expect(text).toContain('1234 ms');
  });

  it('colours only when asked: NO_COLOR and pipes get plain text', async () => {
    const r = await mixedResult();
    expect(renderText(r, { lang: 'en', color: false })).not.toMatch(/\x1b\[/);
    expect(renderText(r, { lang: 'en', color: true })).toMatch(/\x1b\[31m✗/);
    const tty = { isTTY: true, hasColors: () => true } as unknown as NodeJS.WriteStream;
    const pipe = { isTTY: false } as unknown as NodeJS.WriteStream;
    expect(wantsColor(tty, {})).toBe(true);
    expect(wantsColor(tty, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColor(pipe, {})).toBe(false);
    expect(wantsColor(pipe, { FORCE_COLOR: '1' })).toBe(true);
  });
});

describe('JSON result', () => {
  it('is versioned and has stable ids, outcomes, points and observations', async () => {
    const json = toJson(await mixedResult(), 'en');
    expect(json.version).toBe(RESULT_VERSION);
    expect(json.version).toBe('wheelhouse.check/v1');
    expect(json.lab).toEqual({ id: 'lab-07', title: 'Scaling and rolling updates of a Deployment', namespace: 'lab-07', module: 4 });
    expect(json.cluster).toEqual({ server: 'https://fake.invalid', version: 'v1.37.0', simulated: true });
    expect([json.outcome, json.exitCode]).toEqual(['error', 2]);
    expect(json.counts).toEqual({ pass: 1, fail: 1, error: 1, skipped: 2 });
    expect(json.tasks.map((t) => [t.ref, t.outcome, t.reason])).toEqual([
      ['lab-07.web-scaled', 'fail', null],
      ['lab-07.rollout-strategy', 'pass', null],
      ['lab-07.image-updated', 'error', null],
      ['lab-07.rolled-back', 'skipped', 'dependency'],
      ['lab-07.all-available', 'skipped', 'needs-real-nodes'],
    ]);
    const scaled = json.tasks[0];
    expect(scaled.hint).toMatch(/kubectl scale/);
    expect(scaled.observations[0]).toEqual({
      subject: 'deployment/web',
      object: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'lab-07' },
      path: 'spec.replicas',
      expected: 5,
      found: 2,
      ok: false,
      settling: false,
      message: 'deployment/web spec.replicas: expected 5, found 2',
      kubectl: "kubectl get deployment web -n lab-07 -o jsonpath='{.spec.replicas}'",
    });
    expect(json.tasks[2].error).toMatchObject({ code: 'forbidden', fix: expect.stringMatching(/SubjectAccessReviews/) });
    expect(json.tasks[1].hint).toBeNull();
  });

  it('words phrases in the chosen language and survives JSON.stringify', async () => {
    const json = toJson(await mixedResult(), 'ko');
    const text = JSON.stringify(json);
    expect(JSON.parse(text).tasks[1].observations[2].expected).toBe('0, 0% 중 하나');
    expect(json.tasks[0].message).toBe('deployment/web spec.replicas: 기대값 5, 실제값 2');
  });
});

describe('JUnit XML', () => {
  it('one testcase per task with the stable id lab-07.TASK', async () => {
    const xml = renderJunit(await mixedResult(), 'en');
    expect(xml).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="wheelhouse" tests="5" failures="1" errors="1" skipped="2" time="1.234">
        <testsuite name="lab-07" tests="5" failures="1" errors="1" skipped="2" time="1.234" timestamp="2026-11-22T10:00:00.000Z">
          <properties>
            <property name="title" value="Scaling and rolling updates of a Deployment"/>
            <property name="score" value="2/8"/>
            <property name="server" value="https://fake.invalid"/>
            <property name="serverVersion" value="v1.37.0"/>
            <property name="simulated" value="true"/>
          </properties>
          <testcase classname="lab-07" name="web-scaled" time="0.012">
            <failure type="fail" message="deployment/web spec.replicas: expected 5, found 2">deployment/web spec.replicas: expected 5, found 2
        $ kubectl get deployment web -n lab-07 -o jsonpath=&apos;{.spec.replicas}&apos;
      hint: The number of Pods is \`spec.replicas\`. \`kubectl scale\` changes it without editing YAML.</failure>
          </testcase>
          <testcase classname="lab-07" name="rollout-strategy" time="0.012"/>
          <testcase classname="lab-07" name="image-updated" time="0.012">
            <error type="forbidden" message="cannot grade: deployments.apps &quot;web&quot; is forbidden: User &quot;system:anonymous&quot; cannot get resource &quot;deployments&quot;">deployments.apps &quot;web&quot; is forbidden: User &quot;system:anonymous&quot; cannot get resource &quot;deployments&quot;
      The checker needs to get and list objects and create SubjectAccessReviews. On a Wheelhouse cluster it reads as the user wheelhouse:grader, which \`npm run lab -- up lab-07\` sets up; on another cluster, grant it read access (see checker/README.md).</error>
          </testcase>
          <testcase classname="lab-07" name="rolled-back" time="0.012">
            <skipped message="skipped: needs image-updated to pass first"/>
          </testcase>
          <testcase classname="lab-07" name="all-available" time="0.012">
            <skipped message="not graded here: this task needs real containers, and this cluster simulates its nodes (use the kind provider)"/>
          </testcase>
        </testsuite>
      </testsuites>
      "
    `);
  });

  it('escapes what XML cannot hold', () => {
    expect(escapeXml(`a<b & "c" 'd'\u0001`)).toBe('a&lt;b &amp; &quot;c&quot; &apos;d&apos;');
  });
});

describe('words', () => {
  it('shows values plainly: strings bare, empty ones quoted, nothing as a word', () => {
    expect(showValue('nginx:1.27', 'en')).toBe('nginx:1.27');
    expect(showValue('', 'en')).toBe('""');
    expect(showValue(undefined, 'en')).toBe('nothing');
    expect(showValue(undefined, 'ko')).toBe('없음');
    expect(showValue({ a: 1 }, 'en')).toBe('{"a":1}');
    expect(showValue(phrase('atLeast', { value: 4 }), 'ko')).toBe('4 이상');
  });

  it('every English message has a Korean one', () => {
    const keys = ['expectedFound', 'notFoundYet', 'skippedNeedsRealNodes', 'cliUsage', 'fixUnreachable'] as const;
    for (const k of keys) expect(say('ko', k, { path: 'p', expected: 'e', found: 'f' } as never)).not.toBe(say('en', k, { path: 'p', expected: 'e', found: 'f' } as never));
  });
});
