// Reads the code blocks of the lessons (content/<locale>/modules/*.mdx), for the tests that prove
// every manifest and runnable command against the API server and that keep en and ko alike.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];

export interface CodeBlock {
  /** Language after the fence: yaml, bash, … ('' when none). */
  lang: string;
  /** Words after the language: `run`, `nodes`, `counter-example`, `title="…"`. */
  meta: string;
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
}

export interface Lesson {
  locale: Locale;
  slug: string;
  file: string;
  blocks: CodeBlock[];
}

const contentDir = join(import.meta.dirname, '..', '..', 'content');

export function lessonFiles(locale: Locale): string[] {
  const dir = join(contentDir, locale, 'modules');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx') || f.endsWith('.md'))
    .sort();
}

export function readLesson(locale: Locale, file: string): Lesson {
  const path = join(contentDir, locale, 'modules', file);
  return { locale, slug: file.replace(/\.mdx?$/, ''), file: path, blocks: codeBlocks(readFileSync(path, 'utf8')) };
}

/** Fenced code blocks, also when indented inside a component (the indentation is removed). */
export function codeBlocks(text: string): CodeBlock[] {
  const lines = text.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)\s*(.*)$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, lang, meta] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).exec(lines[j]);
      if (close) break;
      body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j].trimStart());
    }
    blocks.push({ lang: lang.toLowerCase(), meta: meta.trim(), code: body.join('\n'), line: i + 1 });
    i = j;
  }
  return blocks;
}

export function hasMeta(block: CodeBlock, word: string): boolean {
  return block.meta.split(/\s+/).includes(word);
}

/** A YAML block that the API server must accept: every document has apiVersion and kind. */
export function isManifest(block: CodeBlock): boolean {
  if (!['yaml', 'yml'].includes(block.lang) || hasMeta(block, 'counter-example')) return false;
  const docs = manifestDocs(block);
  return docs.length > 0 && docs.every((d) => typeof d?.apiVersion === 'string' && typeof d?.kind === 'string');
}

export function manifestDocs(block: CodeBlock): any[] {
  try {
    return parseAllDocuments(block.code)
      .map((d) => d.toJS())
      .filter((d) => d != null);
  } catch {
    return [];
  }
}

export function isRunnable(block: CodeBlock): boolean {
  return ['bash', 'sh', 'shell'].includes(block.lang) && hasMeta(block, 'run');
}

/** A command block that needs real nodes (logs, exec, Jobs that run, DNS, Service traffic): the kind
 * tier runs it (test/kind/lessons.test.ts), in page order with the lesson's `run` blocks. */
export function isRunnableOnNodes(block: CodeBlock): boolean {
  return ['bash', 'sh', 'shell'].includes(block.lang) && hasMeta(block, 'nodes');
}

const HASH_COMMENTS = ['bash', 'sh', 'shell', 'yaml', 'yml', 'python'];

/** The block's code without its `#` comments (bash, YAML, Python), trailing spaces trimmed: a
 * Korean page may translate the comments, never the code (test/unit/lessons.test.ts). A `#` counts
 * as a comment at the start of a line (not `#!`) or after a space outside quotes. */
export function codeWithoutComments(block: CodeBlock): string {
  if (!HASH_COMMENTS.includes(block.lang)) return block.code;
  return block.code
    .split('\n')
    .filter((line) => !/^\s*#(?!!)/.test(line))
    .map((line) => withoutTrailingComment(line).trimEnd())
    .join('\n');
}

function withoutTrailingComment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && /\s/.test(line[i - 1] ?? '')) return line.slice(0, i);
  }
  return line;
}

/** The level-2 headings of a lesson, outside code blocks, in page order. */
export function headings(text: string): string[] {
  const out: string[] = [];
  let fence = '';
  for (const line of text.split('\n')) {
    const f = /^\s*(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!fence) fence = f[1];
      else if (line.trim() === fence[0].repeat(line.trim().length) && line.trim().length >= fence.length) fence = '';
      continue;
    }
    if (!fence && line.startsWith('## ')) out.push(line.slice(3).trim());
  }
  return out;
}
