// Turns schema issues into problems a lab author can act on: the field path as they see it in
// lab.yaml, the line it is on, what is wrong and how to fix it. The wording is snapshot-tested
// (test/unit/lab-load.test.ts), so change it on purpose only.
import type { z } from 'zod';
import { isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';

export interface Problem {
  /** Field path as written in YAML terms, e.g. tasks[2].points ("" for the whole file). */
  path: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** What is wrong. */
  message: string;
  /** What to do about it. */
  fix: string;
}

type Path = readonly PropertyKey[];

export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(String(key))) out += out ? `.${String(key)}` : String(key);
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** The problems of a failed parse, in file order. */
export function problemsFromIssues(issues: z.core.$ZodIssue[], data: unknown, schema: z.ZodType, doc?: Document, lines?: LineCounter): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const allowed = shapeKeys(schemaAt(schema, issue.path));
        const guess = closest(key, allowed);
        problems.push({
          path: formatPath([...issue.path, key]),
          line: lineOf(doc, lines, issue.path, key),
          message: 'unknown field',
          fix: guess ? `did you mean \`${guess}\`? (fields allowed here: ${allowed.join(', ')})` : `remove it; fields allowed here: ${allowed.join(', ')}`,
        });
      }
      continue;
    }
    const field = schemaAt(schema, issue.path);
    const described = field ? describe(field) : undefined;
    const value = valueAt(data, issue.path);
    const name = String(issue.path.at(-1) ?? 'the file');
    const about = described ? ` (${described})` : '';
    let message: string;
    let fix: string;
    switch (issue.code) {
      case 'invalid_type':
        if (value === undefined) {
          message = 'missing';
          fix = `add \`${name}:\`${about}`;
        } else {
          message = `expected ${article(issue.expected)}, found ${kindOf(value)} ${short(value)}`;
          fix = `write ${article(issue.expected)} here${about}`;
        }
        break;
      case 'too_big':
      case 'too_small': {
        const limit = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
        const bound = issue.code === 'too_big' ? 'at most' : 'at least';
        if (issue.origin === 'array') {
          message = `has ${Array.isArray(value) ? value.length : 0} items, needs ${bound} ${limit}`;
          fix = issue.code === 'too_small' ? `add items${about}` : `remove items${about}`;
        } else if (issue.origin === 'string') {
          message = limit === 1 && issue.code === 'too_small' ? 'is empty' : `is ${String(value).length} characters long, needs ${bound} ${limit}`;
          fix = `write the text${about}`;
        } else {
          message = `${short(value)} is too ${issue.code === 'too_big' ? 'big' : 'small'} (${bound} ${limit})`;
          fix = `use a value ${rangeOf(field) ?? `${bound} ${limit}`}${about}`;
        }
        break;
      }
      case 'invalid_format':
        message = issue.message.startsWith('Invalid') ? `${short(value)} does not match ${issue.pattern ?? issue.format}` : `${short(value)} is not valid: ${issue.message}`;
        fix = `change the value${about}`;
        break;
      case 'invalid_value':
        message = `${short(value)} is not allowed`;
        fix = `use one of: ${issue.values.map((v) => String(v)).join(', ')}`;
        break;
      case 'not_multiple_of':
        message = `${short(value)} is not a multiple of ${String(issue.divisor)}`;
        fix = `use a multiple of ${String(issue.divisor)}`;
        break;
      case 'custom':
        message = issue.message;
        fix = (issue.params as { fix?: string } | undefined)?.fix ?? described ?? 'see labs/_template/lab.yaml for an example';
        break;
      default:
        message = issue.message;
        fix = described ?? 'see labs/_template/lab.yaml for an example';
    }
    // A missing top-level field has no line of its own: pointing at line 1 would mislead.
    const line = value === undefined && issue.path.length === 1 ? undefined : lineOf(doc, lines, issue.path);
    problems.push({ path: formatPath(issue.path), line, message, fix });
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

export function formatProblems(file: string, problems: Problem[]): string {
  const head = `${file}: ${problems.length === 1 ? '1 problem' : `${problems.length} problems`}`;
  const body = problems.map((p) => {
    const where = [p.line ? `line ${p.line}` : '', p.path].filter(Boolean).join(', ');
    return `  ${where ? `${where}: ` : ''}${p.message}\n    fix: ${p.fix}`;
  });
  return [head, ...body].join('\n');
}

// --- schema walking: find the described field at a path ------------------------------------

type AnySchema = z.ZodType & { _zod: { def: Record<string, any> } };

function unwrap(s: AnySchema | undefined): AnySchema | undefined {
  let cur = s;
  while (cur && ['default', 'optional', 'nullable', 'prefault', 'readonly', 'catch'].includes(cur._zod.def.type)) cur = cur._zod.def.innerType;
  return cur;
}

export function schemaAt(schema: z.ZodType, path: Path): AnySchema | undefined {
  let cur: AnySchema | undefined = schema as AnySchema;
  for (const key of path) {
    const inner = unwrap(cur);
    if (!inner) return undefined;
    const def = inner._zod.def;
    if (def.type === 'object') cur = def.shape[key as string];
    else if (def.type === 'array') cur = def.element;
    else if (def.type === 'record') cur = def.valueType;
    else return undefined;
  }
  return cur;
}

function describe(s: AnySchema): string | undefined {
  for (let cur: AnySchema | undefined = s; cur; cur = cur._zod.def.innerType) {
    if (cur.description) return cur.description.replace(/\.$/, '');
  }
  return undefined;
}

function shapeKeys(s: AnySchema | undefined): string[] {
  const inner = unwrap(s);
  return inner?._zod.def.type === 'object' ? Object.keys(inner._zod.def.shape) : [];
}

function rangeOf(s: AnySchema | undefined): string | undefined {
  const inner = unwrap(s) as { minValue?: number | null; maxValue?: number | null } | undefined;
  const [min, max] = [inner?.minValue, inner?.maxValue];
  if (typeof min !== 'number' || typeof max !== 'number' || !Number.isSafeInteger(min) || !Number.isSafeInteger(max)) return undefined;
  return `from ${min} to ${max}`;
}

// --- values and YAML positions --------------------------------------------------------------

function valueAt(data: unknown, path: Path): unknown {
  let cur: unknown = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** The line of the node at path; for a missing node, its nearest existing parent; for `key`, that key inside the node. */
function lineOf(doc: Document | undefined, lines: LineCounter | undefined, path: Path, key?: string): number | undefined {
  if (!doc || !lines) return undefined;
  let node: unknown = doc.contents;
  let offset: number | undefined = (node as Node | null)?.range?.[0];
  for (const part of key === undefined ? path : [...path, key]) {
    let next: unknown;
    let keyOffset: number | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === part);
      next = pair?.value;
      keyOffset = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
    } else if (isSeq(node) && typeof part === 'number') {
      next = node.items[part];
    }
    if (part === key && keyOffset !== undefined) return lines.linePos(keyOffset).line;
    if (next === undefined || next === null) {
      if (keyOffset !== undefined) offset = keyOffset;
      break;
    }
    node = next;
    offset = (next as Node).range?.[0] ?? keyOffset ?? offset;
  }
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

// --- words ----------------------------------------------------------------------------------

function article(type: string): string {
  const word = type === 'int' ? 'whole number' : type;
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

function short(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** The allowed word nearest to `word`, if it is a plausible typo. */
export function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length];
}
