// The course site: Starlight (navigation, search, i18n, dark mode, code blocks) over the lessons in
// content/ and the labs in labs/. Site code lives in site/ (srcDir), `~` points there.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: './dist',
  site: 'http://127.0.0.1:4321',
  trailingSlash: 'always',
  redirects: { '/': '/en/' },
  integrations: [
    starlight({
      title: 'Wheelhouse',
      description: 'A hands-on Kubernetes course with real lab clusters.',
      // Long command lines wrap instead of scrolling sideways: a scrolling block is a region a
      // keyboard cannot reach (axe: scrollable-region-focusable), and phones show it all.
      expressiveCode: { defaultProps: { wrap: true } },
      defaultLocale: 'en',
      locales: {
        en: { label: 'English', lang: 'en' },
        ko: { label: '한국어', lang: 'ko' },
      },
      customCss: ['./site/styles/course.css'],
      // The footer carries the progress marks (site/components/ProgressMarks.astro); the lesson
      // body gets its "Try it in lab-NN" links (site/components/MarkdownContent.astro).
      components: { Footer: './site/components/Footer.astro', MarkdownContent: './site/components/MarkdownContent.astro' },
      sidebar: [
        {
          label: 'Modules',
          translations: { ko: '모듈' },
          items: [{ autogenerate: { directory: 'modules' } }],
        },
      ],
    }),
  ],
  vite: {
    resolve: {
      alias: { '~': fileURLToPath(new URL('./site', import.meta.url)) },
    },
  },
});
