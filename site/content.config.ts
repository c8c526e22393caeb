// Lessons: Starlight's docs collection read from content/ (content/en/…, content/ko/…).
// docsSchema validates title/description; `extend` adds the course fields of the lesson contract,
// so a bad frontmatter fails the build naming the file and field.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({
    loader: glob({ pattern: ['**/*.{md,mdx}', '!diagrams/**'], base: './content' }),
    schema: docsSchema({
      extend: z.object({
        module: z.number().int().min(1).max(16).optional(),
        labs: z.array(z.string().regex(/^lab-\d{2}$/)).default([]),
        minutes: z.number().int().optional(),
      }),
    }),
  }),
};
