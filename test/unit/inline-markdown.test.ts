// Lab texts reach the pages through these three functions: code and bold rendered, markup escaped.
import { expect, it } from 'vitest';
import { inlineMarkdown, markdownParagraphs, plainText } from '../../site/inline-markdown.ts';

it('renders `code` and **bold** and escapes everything else', () => {
  expect(inlineMarkdown('Label it `app=<web>` and **deny** <script>x</script> & "go"')).toBe(
    'Label it <code>app=&lt;web&gt;</code> and <strong>deny</strong> &lt;script&gt;x&lt;/script&gt; &amp; &quot;go&quot;',
  );
});

it('makes paragraphs of blank-line separated text', () => {
  expect(markdownParagraphs('one `a`\n\ntwo')).toBe('<p>one <code>a</code></p><p>two</p>');
});

it('gives plain text for a meta description', () => {
  expect(plainText('Write a `ValidatingAdmissionPolicy` that **denies**')).toBe('Write a ValidatingAdmissionPolicy that denies');
});
