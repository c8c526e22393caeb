// The lessons' code blocks: the parser itself, and that the English and Korean versions of every
// lesson carry the same examples (byte for byte, in the same order).
import { describe, it, expect } from 'vitest';
import { codeBlocks, lessonFiles, readLesson, isManifest, isRunnable, manifestDocs, hasMeta } from '../support/lesson-blocks.ts';

describe('codeBlocks', () => {
  it('finds fenced blocks with language and meta, also indented inside components', () => {
    const text = [
      'Intro',
      '```yaml title="pod.yaml"',
      'apiVersion: v1',
      'kind: Pod',
      '```',
      '<Tabs>',
      '  <TabItem label="x">',
      '  ```bash run',
      '  kubectl get pods',
      '    # indented more',
      '  ```',
      '  </TabItem>',
      '</Tabs>',
      '````md',
      '```yaml',
      'inner',
      '```',
      '````',
    ].join('\n');
    const blocks = codeBlocks(text);
    expect(blocks).toEqual([
      { lang: 'yaml', meta: 'title="pod.yaml"', code: 'apiVersion: v1\nkind: Pod', line: 2 },
      { lang: 'bash', meta: 'run', code: 'kubectl get pods\n  # indented more', line: 8 },
      { lang: 'md', meta: '', code: '```yaml\ninner\n```', line: 14 },
    ]);
    expect(isRunnable(blocks[1])).toBe(true);
    expect(isRunnable(blocks[0])).toBe(false);
  });

  it('tells manifests from fragments and counter-examples', () => {
    const [manifest, fragment, counter, multi] = codeBlocks(
      [
        '```yaml', 'apiVersion: v1', 'kind: ConfigMap', '```',
        '```yaml', 'spec:', '  replicas: 3', '```',
        '```yaml counter-example', 'apiVersion: v1', 'kind: Pod', '```',
        '```yaml', 'apiVersion: v1', 'kind: Namespace', '---', 'apiVersion: v1', 'kind: ConfigMap', '```',
      ].join('\n'),
    );
    expect(isManifest(manifest)).toBe(true);
    expect(isManifest(fragment)).toBe(false);
    expect(isManifest(counter)).toBe(false);
    expect(hasMeta(counter, 'counter-example')).toBe(true);
    expect(isManifest(multi)).toBe(true);
    expect(manifestDocs(multi).map((d) => d.kind)).toEqual(['Namespace', 'ConfigMap']);
  });
});

describe('lessons in English and Korean', () => {
  const en = lessonFiles('en');
  const ko = lessonFiles('ko');

  it('exist for the same modules in both languages', () => {
    expect(en.length).toBeGreaterThan(0);
    expect(ko).toEqual(en);
  });

  for (const file of en.filter((f) => ko.includes(f))) {
    it(`${file}: the same code blocks in en and ko`, () => {
      const strip = (l: ReturnType<typeof readLesson>) => l.blocks.map(({ lang, meta, code }) => ({ lang, meta: meta.replace(/title="[^"]*"/, '').trim(), code }));
      expect(strip(readLesson('ko', file))).toEqual(strip(readLesson('en', file)));
    });

    it(`${file}: every YAML block parses`, () => {
      for (const b of readLesson('en', file).blocks.filter((b) => b.lang === 'yaml' && !hasMeta(b, 'counter-example'))) {
        expect(manifestDocs(b).length, `block at line ${b.line} does not parse as YAML`).toBeGreaterThan(0);
      }
    });
  }
});
