// The one message catalogue: every key has an English and a Korean wording, and the commands'
// argument mistakes come out in the learner's language.
import { describe, expect, it } from 'vitest';
import { say } from '../../checker/core/i18n.ts';
import { labEn, labKo } from '../../checker/core/messages.ts';
import { parseCheckArgs } from '../../checker/cli/check-args.ts';
import { parseLabArgs } from '../../checker/cli/lab.ts';

describe('the message catalogue', () => {
  it('words the lab area and the grading area through the one say, in both languages', () => {
    expect(Object.keys(labKo).sort()).toEqual(Object.keys(labEn).sort());
    expect(say('en', 'argNeedsLab', { command: 'up' })).toBe('up needs a lab, like: npm run lab -- up lab-07');
    expect(say('ko', 'argNeedsLab', { command: 'up' })).toMatch(/실습이 필요합니다/);
    expect(say('ko', 'outcomePass')).toBe('통과');
  });

  it('says argument mistakes in Korean when the locale or --lang asks for it', () => {
    const ko = { LANG: 'ko_KR.UTF-8' };
    expect(parseLabArgs(['frobnicate'], ko)).toMatchObject({ kind: 'usage', lang: 'ko', message: expect.stringMatching(/알 수 없는 명령 "frobnicate"/) });
    expect(parseLabArgs(['status', '--with', 'x', '--lang', 'ko'], {})).toMatchObject({ kind: 'usage', message: expect.stringMatching(/--with는 solve에만/) });
    expect(parseCheckArgs(['lab-07', 'lab-08'], ko)).toMatchObject({ kind: 'usage', message: expect.stringMatching(/한 번에 하나만/) });
    expect(parseCheckArgs(['lab-07', '--timeout', 'soon'], {})).toMatchObject({ kind: 'usage', lang: 'en', message: '--timeout takes a number of seconds (0 < n ≤ 3600), not "soon".' });
    expect(parseCheckArgs(['lab-07', '--lang', 'fr'], {})).toMatchObject({ kind: 'usage', message: '--lang must be en or ko, not "fr".' });
  });
});
