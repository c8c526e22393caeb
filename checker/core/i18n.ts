// The one message catalogue: every word the checker, the commands and the site's server say to a
// person, in English and Korean, and the one `say` that words them. This file holds the grading
// area (observations, outcomes, reports, the check command); messages.ts the `npm run lab` area.
// Checks never hold prose: they return Phrases (keys of this catalogue), and reporters render
// them in the chosen language.
// Korean follows the course style: natural technical Korean, English terms kept where engineers
// keep them (롤아웃, 레플리카, 디플로이먼트).

import { labEn, labKo } from './messages.ts';

export const langs = ['en', 'ko'] as const;
export type Lang = (typeof langs)[number];

type N = number | string;

const en = {
  // --- observations -----------------------------------------------------------------------
  expectedFound: (p: { path: string; expected: string; found: string }) => `${p.path}: expected ${p.expected}, found ${p.found}`,
  subjectExpectedFound: (p: { expected: string; found: string }) => `expected ${p.expected}, found ${p.found}`,
  nothing: () => 'nothing',
  notFoundYet: () => 'not found yet',
  exists: () => 'it to exist',
  someItemLike: (p: { pattern: string }) => `at least one item like ${p.pattern}`,
  everyItemLike: (p: { pattern: string }) => `every item like ${p.pattern}`,
  aList: () => 'a list',
  noItems: () => 'no items',
  itemCount: (p: { count: N }) => (Number(p.count) === 1 ? '1 item' : `${p.count} items`),
  atLeast: (p: { value: N }) => `at least ${p.value}`,
  atMost: (p: { value: N }) => `at most ${p.value}`,
  oneOf: (p: { values: string }) => `one of ${p.values}`,
  present: () => 'a value',
  absent: () => 'no value',
  matching: (p: { pattern: string }) => `text matching ${p.pattern}`,
  not: (p: { value: string }) => `anything but ${p.value}`,
  startingObject: () => 'the object the lab started with, changed in place',
  recreatedObject: () => 'a new object: deleted and created again',

  rolloutComplete: () => 'the rollout complete',
  rolloutSpecNotObserved: () => 'the controller has not seen the latest spec yet',
  rolloutDeadlineExceeded: () => 'the rollout exceeded its progress deadline',
  rolloutNewReplicas: (p: { updated: N; replicas: N }) => `${p.updated} of ${p.replicas} new replicas updated`,
  rolloutOldReplicas: (p: { old: N }) => `${p.old} old replicas pending termination`,
  rolloutAvailable: (p: { available: N; updated: N }) => `${p.available} of ${p.updated} updated replicas available`,
  rolloutNotRollingUpdate: () => 'no rollout status: the update strategy is not RollingUpdate',
  rolloutPodsNotReady: (p: { count: N }) => `${p.count} Pods not ready yet`,
  rolloutPartitioned: (p: { updated: N; total: N }) => `${p.updated} of ${p.total} new Pods updated (partitioned rollout)`,
  rolloutRevisionPending: (p: { updated: N; revision: string }) => `${p.updated} Pods at the new revision ${p.revision}, others still old`,
  rolloutDaemonUpdated: (p: { updated: N; desired: N }) => `${p.updated} of ${p.desired} new Pods updated`,
  rolloutDaemonAvailable: (p: { available: N; desired: N }) => `${p.available} of ${p.desired} updated Pods available`,
  rolloutUnsupported: (p: { kind: string }) => `no rollout status for a ${p.kind}`,

  podReady: () => 'Ready',
  podNotReady: (p: { phase: string }) => `not ready (phase ${p.phase})`,
  podFinished: (p: { phase: string }) => `finished (phase ${p.phase}): it will never be ready`,
  podRestarting: (p: { container: string; restarts: string }) => `ready just now, but container ${p.container} has restarted ${p.restarts} times (it keeps exiting)`,
  podJustStarted: (p: { container: string }) => `ready, but container ${p.container} started only seconds ago (a few more show whether it stays up)`,
  conditionIs: (p: { type: string; status: string }) => `${p.type}=${p.status}`,
  conditionMissing: (p: { type: string }) => `no ${p.type} condition`,
  conditionStale: (p: { type: string; status: string; observed: N; generation: N }) =>
    `${p.type}=${p.status}, but for generation ${p.observed}; the object is at generation ${p.generation}`,
  jobComplete: () => 'Complete',
  jobFailed: (p: { reason: string }) => `Failed (${p.reason})`,
  jobRunning: (p: { succeeded: N }) => `still running (${p.succeeded} succeeded)`,

  allowed: () => 'allowed',
  denied: () => 'denied',
  reachable: () => 'allowed',
  blocked: (p: { by: string }) => `blocked by ${p.by}`,
  blockedNoRule: (p: { direction: string; policies: string }) => `no ${p.direction} rule allows it (policies: ${p.policies})`,
  admitted: () => 'admitted by the API server',
  refused: () => 'refused by the API server',
  refusedBecause: (p: { message: string }) => `refused: ${p.message}`,

  // --- task outcomes and reports ----------------------------------------------------------
  outcomePass: () => 'pass',
  outcomeFail: () => 'fail',
  outcomeError: () => 'error',
  outcomeSkipped: () => 'skipped',
  skippedDependency: (p: { tasks: string }) => `skipped: needs ${p.tasks} to pass first`,
  skippedNeedsRealNodes: () => 'not graded here: this task needs real containers, and this cluster simulates its nodes (use the kind provider)',
  hint: () => 'hint',
  run: () => 'run',
  points: (p: { earned: N; possible: N }) => `${p.earned}/${p.possible}`,
  summary: (p: { pass: N; fail: N; error: N; skipped: N }) => `${p.pass} passed, ${p.fail} failed, ${p.error} ${Number(p.error) === 1 ? 'error' : 'errors'}, ${p.skipped} skipped`,
  score: (p: { earned: N; possible: N }) => `Score ${p.earned}/${p.possible}`,
  clusterLine: (p: { server: string; version: string; kind: string }) => `cluster ${p.server} (${p.version}, ${p.kind})`,
  simulated: () => 'simulated nodes',
  realNodes: () => 'real nodes',
  allPassed: () => 'All tasks pass.',
  andMore: (p: { count: N }) => `… and ${p.count} more`,
  watching: (p: { time: string; seconds: N }) => `checked at ${p.time}; checking again every ${p.seconds} s (Ctrl-C to stop)`,

  // --- errors (never the learner's fault) -------------------------------------------------
  errorCheckCrashed: (p: { task: string; message: string }) => `the check for ${p.task} crashed: ${p.message} (a bug in the lab, not your mistake)`,
  errorCluster: (p: { message: string }) => `cannot grade: ${p.message}`,
  fixNoKubeconfig: () => 'Start a lab cluster first (npm run lab -- up LAB), or name one with --kubeconfig FILE.',
  fixBadKubeconfig: () => 'Check the kubeconfig file, or recreate the cluster with npm run lab -- up LAB.',
  fixUnreachable: () => 'Is the cluster running? npm run lab -- status shows it; npm run lab -- up LAB starts it.',
  fixTimeout: () => 'The API server is slow or stuck. Try again; if it persists, restart the cluster.',
  fixUnauthorized: () => 'The credentials in the kubeconfig are not accepted (expired or for another cluster). Recreate the cluster or fix the kubeconfig.',
  fixForbidden: () => 'The checker needs to get and list objects and create SubjectAccessReviews. On a Wheelhouse cluster it reads as the user wheelhouse:grader, which `npm run lab -- up LAB` sets up; on another cluster, grant it read access (see checker/README.md).',
  fixServer: () => 'The API server answered with an error. Try again in a moment.',

  // --- the check command ------------------------------------------------------------------
  cliUsage: () =>
    [
      'usage: npm run check -- LAB [options]      e.g. npm run check lab-07',
      '',
      'Grades a lab against the lab cluster and reports, task by task, what passes.',
      '',
      'options:',
      '  --json               print the result as JSON (format wheelhouse.check/v1, see checker/README.md)',
      '  --junit FILE         also write a JUnit XML report to FILE',
      '  --lang en|ko         language of messages and hints (default: from LANG / LC_ALL)',
      '  --watch              check again every few seconds until Ctrl-C',
      '  --verbose            show passing observations, full values and timings',
      '  --kubeconfig FILE    cluster to grade (default: $WHEELHOUSE_KUBECONFIG, else .wheelhouse/kubeconfig)',
      '  --timeout SECONDS    how long to wait for rollouts and other status to settle (default 15)',
      '  --request-timeout SECONDS   how long to wait for one API request (default 10)',
      '  -h, --help           show this help',
      '',
      'exit codes: 0 all tasks pass, 1 some fail, 2 cannot grade (no cluster, unreachable, denied), 64 usage',
    ].join('\n'),
  cliUsageError: (p: { message: string }) => `${p.message}\nRun npm run check -- --help for the options.`,
  cliMissingLab: () => 'Which lab? Name one, like lab-07.',
  cliInvalidId: (p: { id: string }) => `"${p.id}" is not a lab id: a lab id is "lab-" and two digits, like lab-07.`,
  cliUnknownLab: (p: { id: string; labs: string }) => `There is no lab ${p.id}. The labs are: ${p.labs}.`,
  cliBrokenLab: (p: { id: string }) => `${p.id} cannot be graded: its files have problems (a bug in the lab, not your mistake).`,
  cliCannotGrade: (p: { id: string; message: string }) => `Cannot grade ${p.id}: ${p.message}`,
  cliWatchWithOutput: () => '--watch prints a live report for people; it cannot be combined with --json or --junit.',
} satisfies Record<string, (p: any) => string>;

const ko: typeof en = {
  expectedFound: (p) => `${p.path}: 기대값 ${p.expected}, 실제값 ${p.found}`,
  subjectExpectedFound: (p) => `기대값 ${p.expected}, 실제값 ${p.found}`,
  nothing: () => '없음',
  notFoundYet: () => '아직 없음',
  exists: () => '존재함',
  someItemLike: (p) => `${p.pattern}와 같은 항목 1개 이상`,
  everyItemLike: (p) => `모든 항목이 ${p.pattern}와 같음`,
  aList: () => '목록',
  noItems: () => '항목 없음',
  itemCount: (p) => `항목 ${p.count}개`,
  atLeast: (p) => `${p.value} 이상`,
  atMost: (p) => `${p.value} 이하`,
  oneOf: (p) => `${p.values} 중 하나`,
  present: () => '비어 있지 않은 값',
  absent: () => '값 없음',
  matching: (p) => `${p.pattern} 형식의 값`,
  not: (p) => `${p.value}이(가) 아닌 값`,
  startingObject: () => '랩이 시작할 때 있던 바로 그 오브젝트(그 자리에서 수정)',
  recreatedObject: () => '새 오브젝트(지웠다가 다시 만든 것)',

  rolloutComplete: () => '롤아웃 완료',
  rolloutSpecNotObserved: () => '컨트롤러가 아직 최신 스펙을 반영하지 않음',
  rolloutDeadlineExceeded: () => '롤아웃이 진행 기한(progressDeadlineSeconds)을 넘김',
  rolloutNewReplicas: (p) => `새 레플리카 ${p.replicas}개 중 ${p.updated}개 업데이트됨`,
  rolloutOldReplicas: (p) => `이전 레플리카 ${p.old}개가 종료 대기 중`,
  rolloutAvailable: (p) => `업데이트된 레플리카 ${p.updated}개 중 ${p.available}개 사용 가능`,
  rolloutNotRollingUpdate: () => '업데이트 전략이 RollingUpdate가 아니라 롤아웃 상태가 없음',
  rolloutPodsNotReady: (p) => `파드 ${p.count}개가 아직 준비되지 않음`,
  rolloutPartitioned: (p) => `새 파드 ${p.total}개 중 ${p.updated}개 업데이트됨 (파티션 롤아웃)`,
  rolloutRevisionPending: (p) => `파드 ${p.updated}개가 새 리비전 ${p.revision}이고 나머지는 아직 이전 리비전`,
  rolloutDaemonUpdated: (p) => `새 파드 ${p.desired}개 중 ${p.updated}개 업데이트됨`,
  rolloutDaemonAvailable: (p) => `업데이트된 파드 ${p.desired}개 중 ${p.available}개 사용 가능`,
  rolloutUnsupported: (p) => `${p.kind}에는 롤아웃 상태가 없음`,

  podReady: () => 'Ready',
  podNotReady: (p) => `준비되지 않음 (phase ${p.phase})`,
  podFinished: (p) => `종료됨 (phase ${p.phase}): 다시 Ready가 되지 않음`,
  podRestarting: (p) => `방금 Ready가 되었지만 컨테이너 ${p.container}이(가) ${p.restarts}번 재시작됨 (계속 종료되고 있음)`,
  podJustStarted: (p) => `Ready이지만 컨테이너 ${p.container}이(가) 몇 초 전에 막 시작됨 (계속 떠 있는지 몇 초 더 지켜봄)`,
  conditionIs: (p) => `${p.type}=${p.status}`,
  conditionMissing: (p) => `${p.type} 컨디션 없음`,
  conditionStale: (p) => `${p.type}=${p.status}이지만 세대(generation) ${p.observed} 기준이고, 오브젝트는 세대 ${p.generation}임`,
  jobComplete: () => 'Complete',
  jobFailed: (p) => `Failed (${p.reason})`,
  jobRunning: (p) => `아직 실행 중 (${p.succeeded}개 성공)`,

  allowed: () => '허용',
  denied: () => '거부',
  reachable: () => '허용',
  blocked: (p) => `${p.by}에 막힘`,
  blockedNoRule: (p) => `허용하는 ${p.direction} 규칙이 없음 (정책: ${p.policies})`,
  admitted: () => 'API 서버가 받아들임',
  refused: () => 'API 서버가 거절함',
  refusedBecause: (p) => `거절됨: ${p.message}`,

  outcomePass: () => '통과',
  outcomeFail: () => '실패',
  outcomeError: () => '오류',
  outcomeSkipped: () => '건너뜀',
  skippedDependency: (p) => `건너뜀: ${p.tasks}을(를) 먼저 통과해야 함`,
  skippedNeedsRealNodes: () => '여기서는 채점하지 않음: 실제 컨테이너가 필요한 작업인데 이 클러스터는 노드를 시뮬레이션함 (kind 프로바이더를 쓰세요)',
  hint: () => '힌트',
  run: () => '확인',
  points: (p) => `${p.earned}/${p.possible}`,
  summary: (p) => `통과 ${p.pass}, 실패 ${p.fail}, 오류 ${p.error}, 건너뜀 ${p.skipped}`,
  score: (p) => `점수 ${p.earned}/${p.possible}`,
  clusterLine: (p) => `클러스터 ${p.server} (${p.version}, ${p.kind})`,
  simulated: () => '시뮬레이션 노드',
  realNodes: () => '실제 노드',
  allPassed: () => '모든 작업을 통과했습니다.',
  andMore: (p) => `… 외 ${p.count}개`,
  watching: (p) => `${p.time}에 확인함. ${p.seconds}초마다 다시 확인합니다 (멈추려면 Ctrl-C)`,

  errorCheckCrashed: (p) => `${p.task}의 검사 코드가 실패했습니다: ${p.message} (실습의 버그이며, 여러분의 실수가 아닙니다)`,
  errorCluster: (p) => `채점할 수 없음: ${p.message}`,
  fixNoKubeconfig: () => '먼저 실습 클러스터를 띄우거나(npm run lab -- up LAB), --kubeconfig FILE로 kubeconfig를 지정하세요.',
  fixBadKubeconfig: () => 'kubeconfig 파일을 확인하거나 npm run lab -- up LAB으로 클러스터를 다시 만드세요.',
  fixUnreachable: () => '클러스터가 실행 중인가요? npm run lab -- status로 확인하고, npm run lab -- up LAB으로 시작하세요.',
  fixTimeout: () => 'API 서버가 느리거나 응답이 없습니다. 다시 시도해 보고, 계속되면 클러스터를 재시작하세요.',
  fixUnauthorized: () => 'kubeconfig의 자격 증명이 거부되었습니다(만료되었거나 다른 클러스터용). 클러스터를 다시 만들거나 kubeconfig를 고치세요.',
  fixForbidden: () => '체커는 오브젝트를 get/list하고 SubjectAccessReview를 만들 수 있어야 합니다. Wheelhouse 클러스터에서는 wheelhouse:grader 사용자로 읽으며, `npm run lab -- up LAB`이 이 사용자를 준비합니다. 다른 클러스터라면 읽기 권한을 주세요(checker/README.md 참고).',
  fixServer: () => 'API 서버가 오류로 응답했습니다. 잠시 후 다시 시도하세요.',

  cliUsage: () =>
    [
      '사용법: npm run check -- 실습 [옵션]      예: npm run check lab-07',
      '',
      '실습 클러스터를 읽어 실습을 채점하고, 작업마다 통과 여부를 알려 줍니다.',
      '',
      '옵션:',
      '  --json               결과를 JSON으로 출력 (형식 wheelhouse.check/v1, checker/README.md 참고)',
      '  --junit FILE         JUnit XML 보고서를 FILE에도 저장',
      '  --lang en|ko         메시지와 힌트의 언어 (기본값: LANG / LC_ALL에서)',
      '  --watch              Ctrl-C를 누를 때까지 몇 초마다 다시 확인',
      '  --verbose            통과한 관찰 결과, 전체 값, 걸린 시간도 표시',
      '  --kubeconfig FILE    채점할 클러스터 (기본값: $WHEELHOUSE_KUBECONFIG, 없으면 .wheelhouse/kubeconfig)',
      '  --timeout SECONDS    롤아웃 같은 상태가 안정될 때까지 기다릴 시간 (기본값 15)',
      '  --request-timeout SECONDS   API 요청 하나를 기다릴 시간 (기본값 10)',
      '  -h, --help           이 도움말 표시',
      '',
      '종료 코드: 0 모든 작업 통과, 1 일부 실패, 2 채점 불가(클러스터 없음, 연결 안 됨, 권한 없음), 64 잘못된 사용',
    ].join('\n'),
  cliUsageError: (p) => `${p.message}\n옵션은 npm run check -- --help로 볼 수 있습니다.`,
  cliMissingLab: () => '어떤 실습인가요? lab-07처럼 실습 ID를 적어 주세요.',
  cliInvalidId: (p) => `"${p.id}"는 실습 ID가 아닙니다. 실습 ID는 "lab-"과 두 자리 숫자입니다(예: lab-07).`,
  cliUnknownLab: (p) => `${p.id} 실습은 없습니다. 있는 실습: ${p.labs}.`,
  cliBrokenLab: (p) => `${p.id}을(를) 채점할 수 없습니다: 실습 파일에 문제가 있습니다(실습의 버그이며, 여러분의 실수가 아닙니다).`,
  cliCannotGrade: (p) => `${p.id}을(를) 채점할 수 없음: ${p.message}`,
  cliWatchWithOutput: () => '--watch는 사람이 보는 실시간 보고서라서 --json이나 --junit과 함께 쓸 수 없습니다.',
};

const tables = { en: { ...en, ...labEn }, ko: { ...ko, ...labKo } } satisfies Record<Lang, unknown>;

export type Messages = (typeof tables)['en'];
export type MessageKey = keyof Messages;
export type MessageParams<K extends MessageKey> = Parameters<Messages[K]> extends [infer P] ? P : Record<string, never>;

/** Renders a message in a language. */
export function say<K extends MessageKey>(lang: Lang, key: K, params?: MessageParams<K>): string {
  const fn = tables[lang][key] as (p: unknown) => string;
  return fn(params ?? {});
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (langs as readonly string[]).includes(value);
}

/** The language of the environment's locale: LC_ALL, LC_MESSAGES, LANG (ko_KR.UTF-8 → ko); English otherwise. */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    if (!value) continue;
    return value.toLowerCase().startsWith('ko') ? 'ko' : 'en';
  }
  return 'en';
}

/**
 * Text from outside (a lab id someone typed, a line a script printed) as it may be shown back to a
 * person: control characters (escape sequences, carriage returns) become "?", and at most `max`
 * characters are kept.
 */
export function printable(text: string, max = 60): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > max ? `${clean.slice(0, max - 3)}...` : clean;
}
