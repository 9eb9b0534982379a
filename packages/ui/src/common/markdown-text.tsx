/** Plain-text rendering of Markdown: paragraphs split at blank lines, line breaks kept, heading marks dropped. No HTML is ever interpreted. */
export function MarkdownText({ text, className }: { text: string; className?: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((block) => block.replace(/^#{1,6}\s+/gm, '').trim())
    .filter(Boolean);
  return (
    <div className={['maru-prose', className].filter(Boolean).join(' ')}>
      {paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </div>
  );
}
