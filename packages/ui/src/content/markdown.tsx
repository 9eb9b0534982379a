import type { ComponentProps, ReactNode } from 'react';
import ReactMarkdown, { defaultUrlTransform, type Components } from 'react-markdown';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';

export interface MarkdownProps {
  /** CommonMark (with GitHub's tables, task lists and strikethrough) written by a person. */
  text: string;
  /**
   * How many levels the text's own headings move down, so that a `#` inside a
   * section does not compete with the page's title (`# x` becomes `<h3>` with
   * the default 2). Headings stop at `<h6>`.
   */
  headingOffset?: number;
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

function headings(offset: number): Partial<Components> {
  const levels = [1, 2, 3, 4, 5, 6] as const;
  const entries = levels.map((level) => {
    const Tag = `h${Math.min(6, level + offset)}` as 'h1';
    const Heading = ({ children }: { children?: ReactNode }) => <Tag className="maru-prose__heading">{children}</Tag>;
    return [`h${level}`, Heading] as const;
  });
  return Object.fromEntries(entries);
}

/**
 * Markdown written by a person (a challenge's problem statement, an
 * announcement, an answer, a service's or a dataset's description), rendered
 * as formatted text. Raw HTML is never interpreted (it is dropped), the tree
 * is sanitized with GitHub's rules, links keep only http(s), mailto and
 * relative addresses, external links open with `rel="noopener noreferrer"`,
 * and images become links.
 */
export function Markdown({ text, headingOffset = 2, className }: MarkdownProps) {
  return (
    <div className={['maru-prose', className].filter(Boolean).join(' ')}>
      <ReactMarkdown
        skipHtml
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[[rehypeSanitize, defaultSchema]]}
        urlTransform={(url) => safeUrl(url) ?? ''}
        components={{ ...headings(headingOffset), a: SafeLink, img: ImageAsLink }}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
