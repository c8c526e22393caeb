// Checks for lab-10 (clauses in lab.yaml). Commands are compared by the words the container runs:
// `sh -c '…'` is split as the shell would, so command, args and a shell give the same words, and
// an awk program is compared without its blanks. A schedule is compared by the minutes, hours and
// days it means ("0 9 * * 1-5", "00 09 * * MON-FRI", "0 9 * * 1,2,3,4,5"). The manual run is
// recognised the way kubectl marks it: `kubectl create job --from` adds the annotation
// cronjob.kubernetes.io/instantiate: manual and an owner reference to the CronJob.
import { defineChecks, jobComplete, match, observe, phrase, sameImage, sameObject, type KObject } from '../../checker/index.ts';

const MANUAL = 'cronjob.kubernetes.io/instantiate';
const PI_PROGRAM = 'BEGIN { printf "%.10f\\n", atan2(0, -1) }';
const REPORT_SCRIPT = 'date; echo report done';

/** Words of a shell command line: quotes and backslashes as sh reads them (no expansions). */
function shellWords(line: string): string[] | undefined {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (/\s/.test(ch)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return undefined;
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (ch === '"') {
      let j = i + 1;
      let text = '';
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && '"\\$`'.includes(line[j + 1] ?? '')) text += line[++j];
        else text += line[j];
      }
      if (j >= line.length) return undefined;
      word = (word ?? '') + text;
      i = j;
    } else if (ch === '\\') {
      word = (word ?? '') + (line[++i] ?? '');
    } else word = (word ?? '') + ch;
  }
  if (word !== undefined) words.push(word);
  return words;
}

const isShell = (w: string | undefined) => !!w && /^(\/bin\/|\/usr\/bin\/)?sh$/.test(w);

/** What the container runs, as words: command and args together, a plain `sh -c LINE` opened up. */
function argv(c: any): string[] {
  const words: string[] = [...(c?.command ?? []), ...(c?.args ?? [])].map(String);
  if (isShell(words[0]) && words[1] === '-c' && words.length === 3) {
    const inner = shellWords(words[2].trim().replace(/^exec\s+/, ''));
    if (inner && inner.length && !inner.some((w) => /^(;|&&|\|\||\|)$/.test(w))) return inner;
  }
  return words;
}

/** An awk program without blanks, printf(…) written as printf …, and no ; before a closing brace. */
function awkCanon(program: string): string {
  let p = program.replace(/\s+/g, '');
  p = p.replace(/printf\((.*)\)(?=;?\})/, 'printf$1');
  return p.replace(/;\}/g, '}');
}

const piRuns = (words: string[]) => words.length === 2 && /(^|\/)awk$/.test(words[0]) && awkCanon(words[1]) === awkCanon(PI_PROGRAM);

/** `sh -c 'date; echo report done'`, spacing aside. */
function reportRuns(c: any): boolean {
  const words: string[] = [...(c?.command ?? []), ...(c?.args ?? [])].map(String);
  const canon = (s: string) => s.trim().replace(/\s*;\s*/g, '; ').replace(/\s+/g, ' ').replace(/;$/, '');
  return words.length === 3 && isShell(words[0]) && words[1] === '-c' && canon(words[2]) === REPORT_SCRIPT;
}

const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
/** The days of week a cron field means (0 and 7 are Sunday), or undefined when it cannot be read. */
function weekdays(field: string): Set<number> | undefined {
  const days = new Set<number>();
  const day = (s: string) => (/^\d+$/.test(s) ? Number(s) % 7 : DAYS[s.toLowerCase()]);
  for (const part of field.split(',')) {
    const [range, step] = part.split('/');
    const by = step === undefined ? 1 : Number(step);
    let from: number | undefined;
    let to: number | undefined;
    if (range === '*' || range === '?') [from, to] = [0, 6];
    else if (range.includes('-')) [from, to] = range.split('-').map(day) as [number, number];
    else from = to = day(range);
    if (from === undefined || to === undefined || !(by > 0)) return undefined;
    if (range.includes('-') && /^\d+-7$/.test(range)) to = 7; // 1-7 reaches Sunday
    for (let d = from; d <= to; d += by) days.add(d % 7);
  }
  return days;
}

/** 09:00, Monday to Friday, however the five fields spell it. */
function weekdaysAtNine(schedule: unknown): boolean {
  if (typeof schedule !== 'string') return false;
  const f = schedule.trim().split(/\s+/);
  if (f.length !== 5) return false;
  const [minute, hour, dom, month, dow] = f;
  const days = weekdays(dow);
  return /^0+$/.test(minute) && /^0*9$/.test(hour) && ['*', '?'].includes(dom) && month === '*' && !!days && [...days].sort().join() === '1,2,3,4,5';
}

const containersOf = (o: KObject | undefined, at: 'job' | 'cronjob'): any[] =>
  (at === 'job' ? o?.spec?.template?.spec?.containers : o?.spec?.jobTemplate?.spec?.template?.spec?.containers) ?? [];

/** Jobs started by hand from report: the annotation kubectl create job --from writes, and report (or no one, once orphaned) as owner. */
const manualRuns = (jobs: KObject[]) =>
  jobs.filter((j) => j.metadata.annotations?.[MANUAL] === 'manual' && (j.metadata.ownerReferences ?? []).every((r) => r.kind === 'CronJob' && r.name === 'report'));

/** The parts of a Pod template a run takes from its CronJob. */
const templateOf = (spec: any) => ({
  restartPolicy: spec?.restartPolicy,
  containers: (spec?.containers ?? []).map((c: any) => ({ name: c.name, image: c.image, command: c.command, args: c.args, env: c.env, resources: c.resources })),
});

export default defineChecks({
  'pi-job': async ({ get }) => {
    const pi = await get('batch/v1', 'Job', 'pi');
    if (!pi) return [];
    const cs = containersOf(pi, 'job');
    return [
      observe(pi, 'spec.template.spec.containers (one container)', 1, cs.length),
      observe(pi, 'spec.template.spec.containers[0].image', 'busybox:1.36', cs[0]?.image ?? phrase('nothing'), { ok: sameImage(cs[0]?.image, 'busybox:1.36') }),
      observe(pi, 'spec.template.spec.containers[0] command and args', `awk '${PI_PROGRAM}'`, argv(cs[0]).join(' ') || phrase('nothing'), { ok: piRuns(argv(cs[0])) }),
      match(pi, { spec: { completions: 5, parallelism: 2, backoffLimit: 4 } }),
    ];
  },

  'report-cronjob': async ({ get }) => {
    const cj = await get('batch/v1', 'CronJob', 'report');
    if (!cj) return [];
    const cs = containersOf(cj, 'cronjob');
    return [
      observe(cj, 'spec.jobTemplate.spec.template.spec.containers (one container)', 1, cs.length),
      observe(cj, 'spec.jobTemplate.spec.template.spec.containers[0].image', 'busybox:1.36', cs[0]?.image ?? phrase('nothing'), { ok: sameImage(cs[0]?.image, 'busybox:1.36') }),
      observe(cj, 'spec.jobTemplate.spec.template.spec.containers[0] command and args', `sh -c '${REPORT_SCRIPT}'`, [...(cs[0]?.command ?? []), ...(cs[0]?.args ?? [])].join(' ') || phrase('nothing'), { ok: reportRuns(cs[0]) }),
      observe(cj, 'spec.schedule (09:00, Monday to Friday)', '0 9 * * 1-5', cj.spec?.schedule ?? phrase('nothing'), { ok: weekdaysAtNine(cj.spec?.schedule) }),
      match(cj, { spec: { timeZone: 'Asia/Seoul', concurrencyPolicy: 'Forbid' } }),
    ];
  },

  'manual-run': async ({ get, list }) => {
    const cj = await get('batch/v1', 'CronJob', 'report');
    if (!cj) return [];
    const jobs = await list('batch/v1', 'Job');
    const runs = manualRuns(jobs);
    const others = jobs.filter((j) => j.metadata.name !== 'pi' && !runs.includes(j)).map((j) => j.metadata.name);
    const found = runs.length ? runs.map((j) => j.metadata.name) : others.length ? `Jobs not made from the CronJob (no ${MANUAL}: manual): ${others.join(', ')}` : phrase('nothing');
    const want = JSON.stringify(templateOf(cj.spec?.jobTemplate?.spec?.template?.spec));
    const current = runs.filter((j) => JSON.stringify(templateOf(j.spec?.template?.spec)) === want);
    return [
      observe(jobs, `Jobs made from cronjob/report (${MANUAL}: manual)`, phrase('atLeast', { value: 1 }), found, { ok: runs.length > 0 }),
      ...(runs.length
        ? observe(runs[0], 'spec.template.spec (the CronJob\'s current job template)', 'containers and restartPolicy of cronjob/report', current.length ? 'the same' : `${runs.map((j) => j.metadata.name).join(', ')}: ${containersOf(runs[0], 'job').map((c) => [...(c.command ?? []), ...(c.args ?? [])].join(' ')).join('; ')}`, { ok: current.length > 0 })
        : []),
    ];
  },

  // Suspended, and still the CronJob the runs were made from (deleted and created again, it is not).
  'report-suspended': async ({ get, list }) => {
    const cj = await get('batch/v1', 'CronJob', 'report');
    if (!cj) return [];
    const [jobs, events] = await Promise.all([list('batch/v1', 'Job'), list('v1', 'Event', { fieldSelector: 'involvedObject.kind=CronJob,involvedObject.name=report' })]);
    const strays = manualRuns(jobs).filter((j) => !(j.metadata.ownerReferences ?? []).some((r) => r.uid === cj.metadata.uid)).map((j) => j.metadata.name);
    return [
      match(cj, { spec: { suspend: true } }),
      observe(jobs, 'Jobs made from report, owned by this CronJob (metadata.ownerReferences)', [], strays.length ? `${strays.join(', ')}: owned by another CronJob, or by none` : [], { ok: strays.length === 0 }),
      sameObject(cj, events),
    ];
  },

  // Needs real containers: on the simulated cluster every Pod "succeeds", whatever it runs.
  'runs-succeeded': async ({ get, list }) => {
    const pi = await get('batch/v1', 'Job', 'pi');
    const runs = manualRuns(await list('batch/v1', 'Job'));
    const done = runs.find((j) => (j.status?.conditions ?? []).some((c: any) => c.type === 'Complete' && c.status === 'True'));
    return [match(pi, { status: { succeeded: 5 } }), jobComplete(pi), ...(runs.length ? jobComplete(done ?? runs[0]) : [])];
  },
});
