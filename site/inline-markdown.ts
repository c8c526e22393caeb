// Lab texts (summaries, tasks, hints) are short Markdown: `code` and **bold** only. Rendered here
// with everything else escaped, so lab.yaml can never inject markup into a page.

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One line of lab Markdown as HTML: `code` and **bold**, the rest escaped. */
export function inlineMarkdown(text: string): string {
  return escape(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
}

/** Lab Markdown with blank-line paragraphs, as HTML paragraphs. */
export function markdownParagraphs(text: string): string {
  return text.split(/\n{2,}/).map((p) => `<p>${inlineMarkdown(p)}</p>`).join('');
}

/** Lab Markdown as plain text (for a page's meta description). */
export function plainText(text: string): string {
  return text.replace(/`([^`]+)`/g, '$1').replace(/\*\*([^*]+)\*\*/g, '$1');
}
