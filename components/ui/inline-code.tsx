/** Renders `backticked` parts of a message as code, the rest as text (never as HTML). */
export function InlineCode({ text }: { text: string }) {
  const parts = text.split("`");
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="rounded bg-neutral-100 px-1 font-mono text-[0.85em]">{part}</code>
        ) : (
          part
        ),
      )}
    </>
  );
}
