import type { ComponentProps } from 'react';
import ReactMarkdown, { defaultUrlTransform, type Components } from 'react-markdown';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';

export interface MarkdownProps {
  /** CommonMark (with GitHub's tables, task lists and strikethrough) written by a person. */
  text: string;
  /**
   * The level the text's highest headings get, so that a `#` inside a section
   * does not compete with the page's title: with the default 3, the text's top
   * headings become `<h3>` and the next ones `<h4>`, whatever marks the author
   * used (levels used are made consecutive; they stop at `<h6>`).
   */
  headingLevel?: number;
  className?: string;
}

const SAFE_PROTOCOL = /^(https?|mailto):$/i;

/**
 * Keeps a link or image address only when it is relative, `http(s):` or
 * `mailto:`; anything else (`javascript:`, `data:`, `vbscript:`, …) becomes no
 * address at all, so the text shows but cannot act.
 */
export function safeUrl(url: string): string | undefined {
  const kept = defaultUrlTransform(url.trim());
  if (!kept) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(kept);
  if (scheme && !SAFE_PROTOCOL.test(`${scheme[1]}:`)) return undefined;
  return kept;
}

function isExternal(href: string): boolean {
  return /^(https?:)?\/\//i.test(href);
}

function SafeLink({ href, children, node: _node, ...rest }: ComponentProps<'a'> & { node?: unknown }) {
  if (!href) return <span className="maru-prose__inert">{children}</span>;
  if (isExternal(href)) {
    return (
      <a {...rest} href={href} rel="noopener noreferrer nofollow">
        {children}
      </a>
    );
  }
  return (
    <a {...rest} href={href}>
      {children}
    </a>
  );
}

// A person's text never loads pictures from elsewhere (they would tell a third
// party who reads the page): an image shows as a link to it, with its alt text.
function ImageAsLink({ src, alt }: ComponentProps<'img'> & { node?: unknown }) {
  const href = typeof src === 'string' ? safeUrl(src) : undefined;
  const label = alt || href || '';
  if (!href) return <span className="maru-prose__inert">{label}</span>;
  return (
    <SafeLink href={href} className="maru-prose__image-link">
      {label}
    </SafeLink>
  );
}

interface MdNode {
  type: string;
  depth?: number;
  children?: MdNode[];
}

function collectHeadings(node: MdNode, into: MdNode[]): MdNode[] {
  if (node.type === 'heading') into.push(node);
  for (const child of node.children ?? []) collectHeadings(child, into);
  return into;
}

/** A remark step: the heading depths the text uses become top, top+1, … (at most 6). */
function remarkHeadingLevels(options: { top: number }) {
  return (tree: MdNode) => {
    const found = collectHeadings(tree, []);
    const depths = [...new Set(found.map((heading) => heading.depth ?? 1))].sort((a, b) => a - b);
    for (const heading of found) {
      heading.depth = Math.min(6, options.top + depths.indexOf(heading.depth ?? 1));
    }
  };
}

const headingClass = { className: 'maru-prose__heading' };
const headingComponents: Partial<Components> = {
  h1: (props) => <h1 {...headingClass}>{props.children}</h1>,
  h2: (props) => <h2 {...headingClass}>{props.children}</h2>,
  h3: (props) => <h3 {...headingClass}>{props.children}</h3>,
  h4: (props) => <h4 {...headingClass}>{props.children}</h4>,
  h5: (props) => <h5 {...headingClass}>{props.children}</h5>,
  h6: (props) => <h6 {...headingClass}>{props.children}</h6>,
};

/**
 * Markdown written by a person (a challenge's problem statement, an
 * announcement, an answer, a service's or a dataset's description), rendered
 * as formatted text. Raw HTML is never interpreted (it is dropped), the tree
 * is sanitized with GitHub's rules, links keep only http(s), mailto and
 * relative addresses, external links open with `rel="noopener noreferrer"`,
 * and images become links.
 */
export function Markdown({ text, headingLevel = 3, className }: MarkdownProps) {
  return (
    <div className={['maru-prose', className].filter(Boolean).join(' ')}>
      <ReactMarkdown
        skipHtml
        remarkPlugins={[remarkGfm, [remarkHeadingLevels, { top: headingLevel }]]}
        rehypePlugins={[[rehypeSanitize, defaultSchema]]}
        urlTransform={(url) => safeUrl(url) ?? ''}
        components={{ ...headingComponents, a: SafeLink, img: ImageAsLink }}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
