import { Markdown } from '../content/markdown';

/**
 * Markdown written by a person, rendered safely: the same as {@link Markdown}
 * (kept under this name for the components and pages that used it).
 */
export function MarkdownText({ text, className }: { text: string; className?: string }) {
  return <Markdown text={text} className={className} />;
}
