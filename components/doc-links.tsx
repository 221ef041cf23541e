import type { DocLink } from "@/lib/content/types";

/** A list of official documentation links. */
export function DocLinks({ docs, className }: { docs: readonly DocLink[]; className: string }) {
  return (
    <ul className={className}>
      {docs.map((doc) => (
        <li key={doc.url}>
          <a href={doc.url} className="underline" rel="noreferrer">
            {doc.title}
          </a>
        </li>
      ))}
    </ul>
  );
}
