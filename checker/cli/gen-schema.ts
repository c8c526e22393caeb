// `npm run gen:schema`: writes labs/lab.schema.json from the zod schema.
import { writeFile } from 'node:fs/promises';
import { labJsonSchemaFile, labJsonSchemaText } from '../lab/json-schema.ts';
import { displayPath } from '../core/paths.ts';

await writeFile(labJsonSchemaFile, labJsonSchemaText());
console.log(`wrote ${displayPath(labJsonSchemaFile)}`);
