/**
 * Question HTML compiled by lib/content: raw HTML is dropped and unsafe URLs removed at compile
 * time, so it is safe to inject. The one place the app sets inner HTML.
 */
export function Html({
  html,
  as = "div",
  className,
}: {
  html: string;
  as?: "div" | "span";
  className?: string;
}) {
  const Tag = as;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: compiled and made safe by lib/content
  return <Tag className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
