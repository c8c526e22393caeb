// The page's course locale, from the first path segment (/en/… or /ko/…).
export type Locale = 'en' | 'ko';
export const locales: Locale[] = ['en', 'ko'];

export function localeOf(url: URL): Locale {
  return url.pathname.split('/')[1] === 'ko' ? 'ko' : 'en';
}
