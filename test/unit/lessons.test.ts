// The lessons' code blocks: the parser itself, and that the English and Korean versions of every
// lesson carry the same examples (the same code in the same order; comments may be translated).
import { describe, it, expect } from 'vitest';
import { codeBlocks, codeWithoutComments, lessonFiles, readLesson, isManifest, isRunnable, manifestDocs, hasMeta } from '../support/lesson-blocks.ts';

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

describe('codeWithoutComments', () => {
  const block = (lang: string, code: string) => ({ lang, meta: '', code, line: 1 });

  it('drops comment lines and trailing comments, keeping # inside quotes, words and shebangs', () => {
    const code = [
      '#!/bin/bash',
      '# 파드를 만듭니다',
      'kubectl run web --image=nginx:1.27   # 이미지 고정',
      "kubectl get pods -o jsonpath='{.items[*].metadata.name} # not a comment'",
      'echo "a # b" ${#names[@]}',
      '  # indented comment',
    ].join('\n');
    expect(codeWithoutComments(block('bash', code))).toBe(
      ['#!/bin/bash', 'kubectl run web --image=nginx:1.27', "kubectl get pods -o jsonpath='{.items[*].metadata.name} # not a comment'", 'echo "a # b" ${#names[@]}'].join('\n'),
    );
  });

  it('tells a changed command from a translated comment', () => {
    const en = block('yaml', 'replicas: 3        # three copies');
    expect(codeWithoutComments(en)).toBe(codeWithoutComments(block('yaml', 'replicas: 3   # 복제본 세 개')));
    expect(codeWithoutComments(en)).not.toBe(codeWithoutComments(block('yaml', 'replicas: 2   # three copies')));
  });

  it('leaves other languages alone', () => {
    expect(codeWithoutComments(block('text', '# NAME  READY'))).toBe('# NAME  READY');
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
    it(`${file}: the same code blocks in en and ko (comments aside)`, () => {
      const strip = (l: ReturnType<typeof readLesson>) => l.blocks.map((b) => ({ lang: b.lang, meta: b.meta.replace(/title="[^"]*"/, '').trim(), code: codeWithoutComments(b) }));
      expect(strip(readLesson('ko', file))).toEqual(strip(readLesson('en', file)));
    });

    it(`${file}: every YAML block parses`, () => {
      for (const b of readLesson('en', file).blocks.filter((b) => b.lang === 'yaml' && !hasMeta(b, 'counter-example'))) {
        expect(manifestDocs(b).length, `block at line ${b.line} does not parse as YAML`).toBeGreaterThan(0);
      }
    });
  }
});
