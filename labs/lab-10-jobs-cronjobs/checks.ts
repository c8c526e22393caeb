// Checks for lab-10. Specs are read once; a schedule is compared field by field so that
// "0 9 * * 1-5", "00 09 * * MON-FRI" and "0 9 * * 1,2,3,4,5" all pass. The manual run is
// recognised the way the CronJob controller and kubectl mark it: `kubectl create job --from`
// adds the annotation cronjob.kubernetes.io/instantiate: manual and an owner reference to the CronJob.
import { defineChecks, jobComplete, match, observe, some, type KObject } from '../../checker/index.ts';

const MANUAL = 'cronjob.kubernetes.io/instantiate';

/** The five cron fields, or why the text is not one. */
function weekdaysAtNine(schedule: unknown): boolean {
  if (typeof schedule !== 'string') return false;
  const f = schedule.trim().split(/\s+/);
  if (f.length !== 5) return false;
  const [minute, hour, dom, month, dow] = f;
  const weekdays = ['1-5', 'mon-fri', '1,2,3,4,5', 'mon,tue,wed,thu,fri'].includes(dow.toLowerCase());
  return Number(minute) === 0 && /^\d+$/.test(minute) && Number(hour) === 9 && /^\d+$/.test(hour) && dom === '*' && month === '*' && weekdays;
}

const reportContainer = (cj: KObject) => cj.spec?.jobTemplate?.spec?.template?.spec?.containers?.[0];

/** Jobs started by hand from the CronJob report (kubectl create job --from=cronjob/report). */
const manualRuns = (jobs: KObject[], cj: KObject) =>
  jobs.filter((j) => j.metadata.annotations?.[MANUAL] === 'manual' && (j.metadata.ownerReferences ?? []).some((r) => r.kind === 'CronJob' && r.uid === cj.metadata.uid));

export default defineChecks({
  'pi-job': async ({ get }) => {
    const pi = await get('batch/v1', 'Job', 'pi');
    if (!pi) return [];
    const command = (pi.spec?.template?.spec?.containers ?? []).map((c: { command?: string[]; args?: string[] }) => [...(c.command ?? []), ...(c.args ?? [])].join(' ')).join('; ');
    return [
      match(pi, { spec: { completions: 5, parallelism: 2, backoffLimit: 4, template: { spec: { containers: some({ image: 'busybox:1.36' }) } } } }),
      observe(pi, 'spec.template.spec.containers[].command', "awk 'BEGIN { printf … atan2(0, -1) }'", command || 'none', { ok: /awk/.test(command) && /atan2\(0,\s*-1\)/.test(command) }),
    ];
  },

  'report-cronjob': async ({ get }) => {
    const cj = await get('batch/v1', 'CronJob', 'report');
    if (!cj) return [];
    const c = reportContainer(cj);
    const command = [...(c?.command ?? []), ...(c?.args ?? [])].join(' ');
    return [
      observe(cj, 'spec.schedule', '0 9 * * 1-5 (09:00, Monday to Friday)', cj.spec?.schedule, { ok: weekdaysAtNine(cj.spec?.schedule) }),
      match(cj, { spec: { timeZone: 'Asia/Seoul', concurrencyPolicy: 'Forbid', jobTemplate: { spec: { template: { spec: { containers: some({ image: 'busybox:1.36' }) } } } } } }),
      observe(cj, 'spec.jobTemplate.spec.template.spec.containers[0].command', "sh -c 'date; echo report done'", command || 'none', { ok: /date/.test(command) && /report done/.test(command) }),
    ];
  },

  'manual-run': async ({ get, list }) => {
    const cj = await get('batch/v1', 'CronJob', 'report');
    if (!cj) return [];
    const jobs = await list('batch/v1', 'Job');
    const runs = manualRuns(jobs, cj);
    const others = jobs.filter((j) => j.metadata.name !== 'pi' && !runs.includes(j)).map((j) => j.metadata.name);
    const found = runs.length ? `${runs.length} Job(s) made from it: ${runs.map((j) => j.metadata.name).join(', ')}` : others.length ? `Jobs not made from the CronJob (no ${MANUAL}: manual): ${others.join(', ')}` : 'no Job made from it';
    return observe(jobs, `jobs with ${MANUAL}=manual owned by cronjob/report`, 'a Job made from cronjob/report', found, { ok: runs.length > 0 });
  },

  'report-suspended': async ({ get }) => match(await get('batch/v1', 'CronJob', 'report'), { spec: { suspend: true } }),

  // Needs real containers: on the simulated cluster every Pod "succeeds", whatever it runs.
  'runs-succeeded': async ({ get, list }) => {
    const [pi, cj] = await Promise.all([get('batch/v1', 'Job', 'pi'), get('batch/v1', 'CronJob', 'report')]);
    const runs = cj ? manualRuns(await list('batch/v1', 'Job'), cj) : [];
    return [match(pi, { status: { succeeded: 5 } }), jobComplete(pi), ...runs.slice(0, 1).map((j) => jobComplete(j))];
  },
});
