// "Try it in lab-NN" in lessons (site/lesson-labs.ts): where the links go in a lesson's HTML, and that
// the table names every lab once, in the lesson whose frontmatter lists it. (That each heading id
// exists in the built lesson is proven by test/e2e/site.spec.ts.)
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { labSections, placeLabLinks } from '../../site/lesson-labs.ts';
import { listLabs } from '../../checker/lab/load.ts';

const link = (id: string) => `<p class="wh-try" data-lab="${id}" data-placed="section">${id}</p>`;

describe('placeLabLinks', () => {
  const html = '<h2 id="a">A</h2><p>a</p><h2 id="b">B</h2><p>b</p><h2 id="c">C</h2><p>c</p>';

  it('puts each link at the end of its section, before the next h2', () => {
    const out = placeLabLinks(html, [{ section: 'b', html: link('lab-02') }, { section: 'a', html: link('lab-01') }]);
    expect(out).toBe(`<h2 id="a">A</h2><p>a</p>${link('lab-01')}\n<h2 id="b">B</h2><p>b</p>${link('lab-02')}\n<h2 id="c">C</h2><p>c</p>`);
  });

  it('puts a link of the last section at the very end', () => {
    expect(placeLabLinks(html, [{ section: 'c', html: link('lab-03') }])).toBe(`${html}${link('lab-03')}\n`);
  });

  it('puts a link whose section is missing at the end, marked for the test to catch', () => {
    const out = placeLabLinks(html, [{ section: 'gone', html: link('lab-04') }, { html: link('lab-05') }]);
    expect(out).toBe(`${html}${link('lab-04').replace('section', 'end')}\n${link('lab-05').replace('section', 'end')}`);
  });
});

describe('labSections', () => {
  it('names every lab once, each in the lesson whose frontmatter lists it', async () => {
    const labs = (await listLabs()).map((l) => l.id).sort();
    expect(Object.keys(labSections).sort()).toEqual(labs);
    for (const locale of ['en', 'ko']) {
      const listed = readdirSync(`content/${locale}/modules`).flatMap((f) => {
        const front = parse(readFileSync(`content/${locale}/modules/${f}`, 'utf8').split('---')[1]) as { labs?: string[] };
        return front.labs ?? [];
      });
      expect(listed.sort(), locale).toEqual(labs);
    }
    for (const [id, sections] of Object.entries(labSections)) {
      expect(sections.en, id).toMatch(/^[a-z0-9-]+$/);
      expect(sections.ko, id).toMatch(/^[^\s#"<>A-Z]+$/);
    }
  });
});
