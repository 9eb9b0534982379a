/**
 * Plain-text rendering of Markdown: paragraphs split at blank lines, line breaks
 * kept, a heading's `#` marks dropped (the heading shown in bold). No HTML is
 * ever interpreted, so no sanitizer or Markdown library is needed.
 */
export function MarkdownText({ text, className }: { text: string; className?: string }) {
  const blocks = text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => ({ heading: /^#{1,6}\s/.test(block), text: block.replace(/^#{1,6}\s+/gm, '') }));
  return (
    <div className={['maru-prose', className].filter(Boolean).join(' ')}>
      {blocks.map((block, index) => (
        <p key={index} className={block.heading ? 'maru-prose__heading' : undefined}>
          {block.text}
        </p>
      ))}
    </div>
  );
}
