import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import rehypeFaqLinks from '../plugins/rehype-faq-links.ts';
import type { Problem } from './content-error.ts';

export interface TopicSection {
  /** Anchor of the question heading: q1, q2, … */
  id: string;
  question: string;
  /** The answer as HTML, without the heading. */
  html: string;
  /** The answer as plain text, for structured data. */
  text: string;
}

interface Options {
  locale: string;
  routes: ReadonlySet<string>;
  file: string;
  /** Lines before the body in the file (the frontmatter), so messages give the file's line. */
  offset?: number;
}

/**
 * Renders a topic's Markdown body and splits it into question sections at each `##`.
 * Raw HTML in Markdown is dropped (remark-rehype's default), so content cannot inject markup.
 */
export function renderTopic(markdown: string, { locale, routes, file, offset = 0 }: Options) {
  const processor = unified()
    .use(remarkParse)
    .use(remarkRehype)
    .use(rehypeFaqLinks, { locale, routes })
    .use(rehypeStringify);
  const vfile = new VFile({ path: file, value: markdown });
  const tree = processor.runSync(processor.parse(vfile), vfile) as Root;

  const intro: RootContent[] = [];
  const sections: { heading: Element; body: RootContent[] }[] = [];
  for (const node of tree.children) {
    if (node.type === 'element' && node.tagName === 'h2') sections.push({ heading: node, body: [] });
    else (sections.at(-1)?.body ?? intro).push(node);
  }

  const html = (nodes: RootContent[]) => processor.stringify({ type: 'root', children: nodes }).trim();
  const problems: Problem[] = vfile.messages.map((m) => ({
    file,
    field: m.line ? `line ${m.line + offset}` : 'body',
    message: m.reason,
    fix: 'link to an existing page without the language prefix, e.g. /symptoms/network-timeout/ or /codes/',
  }));
  if (sections.length === 0) {
    problems.push({
      file,
      field: 'body',
      message: 'has no "## " question headings',
      fix: 'write the page as questions: a "## Question?" line, then its answer',
    });
  }

  return {
    introHtml: html(intro),
    problems,
    sections: sections.map(({ heading, body }, i) => ({
      id: `q${i + 1}`,
      question: toString(heading).trim(),
      html: html(body),
      text: body
        .map((n) => toString(n as ElementContent))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    })),
  };
}
