// Every lesson has the same frame (issue 19): the Follow-along box before any heading, Objectives
// first, then the module's own sections, and at the end Pitfalls, Summary, Self-check, Labs, Next
// (Clean up, where a module has one, just before Pitfalls). Every quiz has a predict-the-outcome
// question, and no question is asked twice in the course.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { headings, lessonFiles, readLesson, LOCALES, type Locale } from '../support/lesson-blocks.ts';

const FRAME: Record<Locale, { first: string; cleanUp: string; tail: string[]; predict: string }> = {
  en: { first: 'Objectives', cleanUp: 'Clean up', tail: ['Pitfalls', 'Summary', 'Self-check', 'Labs', 'Next'], predict: 'Predict:' },
  ko: { first: '학습 목표', cleanUp: '뒷정리', tail: ['자주 하는 실수', '요약', '확인 문제', '실습', '다음'], predict: '예측해 보세요:' },
};

const questions = (text: string) => [...text.matchAll(/<Question question="([^"]*)"/g)].map((m) => m[1]);

for (const locale of LOCALES) {
  const frame = FRAME[locale];
  describe(`lesson frame (${locale})`, () => {
    for (const file of lessonFiles(locale)) {
      const lesson = readLesson(locale, file);
      const text = readFileSync(lesson.file, 'utf8');
      const h = headings(text);

      it(`${file}: Objectives first; Pitfalls, Summary, Self-check, Labs, Next last`, () => {
        expect(h[0]).toBe(frame.first);
        const own = h.slice(1, h.length - frame.tail.length);
        expect(h.slice(-frame.tail.length)).toEqual(frame.tail);
        // Clean up, if any, comes right before Pitfalls; none of the frame's headings appears twice.
        if (own.includes(frame.cleanUp)) expect(own.at(-1)).toBe(frame.cleanUp);
        for (const name of [frame.first, ...frame.tail, frame.cleanUp]) expect(h.filter((x) => x === name).length).toBeLessThanOrEqual(1);
      });

      it(`${file}: the Follow-along box comes before the first heading`, () => {
        const box = /^<FollowAlong \/>$/m.exec(text);
        expect(box, 'no <FollowAlong /> line').not.toBeNull();
        expect(box!.index).toBeLessThan(text.indexOf(`\n## ${frame.first}`));
      });

      it(`${file}: its quiz has a predict-the-outcome question`, () => {
        expect(questions(text).some((q) => q.startsWith(frame.predict))).toBe(true);
      });
    }

    it('asks no question twice across the course', () => {
      const seen = new Map<string, string>();
      const repeats: string[] = [];
      for (const file of lessonFiles(locale)) {
        for (const q of questions(readFileSync(readLesson(locale, file).file, 'utf8'))) {
          const key = q.toLowerCase().replace(/\s+/g, ' ').trim();
          if (seen.has(key)) repeats.push(`${file} repeats ${seen.get(key)}: ${q}`);
          else seen.set(key, file);
        }
      }
      expect(repeats).toEqual([]);
    });
  });
}

describe('lesson quizzes in English and Korean', () => {
  for (const file of lessonFiles('en')) {
    it(`${file}: the same number of questions`, () => {
      const count = (locale: Locale) => questions(readFileSync(readLesson(locale, file).file, 'utf8')).length;
      expect(count('ko')).toBe(count('en'));
    });
  }
});
