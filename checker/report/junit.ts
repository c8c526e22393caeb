// JUnit XML for CI systems: one testsuite per lab, one testcase per task, with the stable id
// LAB.TASK (classname "lab-07", name "web-scaled"). fail → <failure>, error → <error>,
// skipped → <skipped>.
import type { Lang } from '../core/i18n.ts';
import type { GradeResult } from '../engine/grade.ts';
import { errorFix, observationMessage, taskSummary, taskText } from './words.ts';

export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Characters XML 1.0 cannot hold at all.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
  );
}

export function renderJunit(result: GradeResult, lang: Lang): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const count = (o: string) => result.tasks.filter((t) => t.outcome === o).length;
  const [tests, failures, errors, skipped] = [result.tasks.length, count('fail'), count('error'), count('skipped')];
  const id = result.lab.id;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="wheelhouse" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds(result.durationMs)}">`,
    `  <testsuite name="${id}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds(result.durationMs)}" timestamp="${result.startedAt.toISOString()}">`,
    '    <properties>',
    `      <property name="title" value="${escapeXml(result.lab.title[lang])}"/>`,
    `      <property name="score" value="${result.score.earned}/${result.score.possible}"/>`,
    `      <property name="server" value="${escapeXml(result.server)}"/>`,
    `      <property name="serverVersion" value="${escapeXml(result.serverVersion)}"/>`,
    `      <property name="simulated" value="${result.simulated}"/>`,
    '    </properties>',
  ];
  for (const t of result.tasks) {
    const task = taskText(result.lab, t.id);
    const open = `    <testcase classname="${id}" name="${escapeXml(t.id)}" time="${seconds(t.durationMs)}">`;
    const summary = escapeXml(taskSummary(t, lang));
    if (t.outcome === 'pass') {
      lines.push(open.replace(/>$/, '/>'));
      continue;
    }
    lines.push(open);
    if (t.outcome === 'skipped') {
      lines.push(`      <skipped message="${summary}"/>`);
    } else if (t.outcome === 'error') {
      const fix = t.error ? errorFix(t.error.code, lang, id) : undefined;
      lines.push(`      <error type="${escapeXml(t.error?.code ?? 'error')}" message="${summary}">${escapeXml([t.error?.message, fix].filter(Boolean).join('\n'))}</error>`);
    } else {
      const body = t.observations
        .filter((o) => !o.ok)
        .map((o) => [observationMessage(o, lang, true), o.kubectl ? `  $ ${o.kubectl}` : ''].filter(Boolean).join('\n'));
      body.push(`hint: ${task.hint[lang]}`);
      lines.push(`      <failure type="fail" message="${summary}">${escapeXml(body.join('\n'))}</failure>`);
    }
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
}
