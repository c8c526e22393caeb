import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { labJsonSchemaFile, labJsonSchemaText } from '../../checker/lab/json-schema.ts';

describe('labs/lab.schema.json', () => {
  it('is what `npm run gen:schema` generates from checker/lab/schema.ts (run it after changing the schema)', async () => {
    const committed = await readFile(labJsonSchemaFile, 'utf8');
    expect(committed).toBe(labJsonSchemaText());
  });

  it('describes every field, so editors can explain lab.yaml on hover', () => {
    const schema = JSON.parse(labJsonSchemaText());
    const undescribed: string[] = [];
    const walk = (node: Record<string, any>, path: string) => {
      for (const [key, prop] of Object.entries<Record<string, any>>(node.properties ?? {})) {
        if (!prop.description) undescribed.push(`${path}${key}`);
        walk(prop, `${path}${key}.`);
        if (prop.items) walk(prop.items, `${path}${key}[].`);
      }
    };
    walk(schema, '');
    expect(undescribed).toEqual([]);
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'module', 'title', 'summary', 'minutes', 'tasks']));
  });
});
