// labs/lab.schema.json is generated from labSchema, so editors complete and check lab.yaml with
// the same rules and descriptions as the loader. `npm run gen:schema` writes it; a unit test fails
// when the committed file is stale.
import { join } from 'node:path';
import { z } from 'zod';
import { labSchema } from './schema.ts';
import { defaultLabsDir } from '../core/paths.ts';

export const labJsonSchemaFile = join(defaultLabsDir, 'lab.schema.json');

export function labJsonSchemaText(): string {
  // "input": what an author writes, so fields with defaults are optional.
  const schema = z.toJSONSchema(labSchema, { io: 'input', target: 'draft-2020-12' });
  const doc = {
    ...schema,
    $id: 'https://wheelhouse.dev/schemas/lab.schema.json',
    title: 'Wheelhouse lab (labs/lab-NN-name/lab.yaml)',
    description: 'Generated from checker/lab/schema.ts by `npm run gen:schema`. Do not edit by hand.',
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
