import type { Element, Root as HastRoot } from "hast";
import bash from "highlight.js/lib/languages/bash";
import dockerfile from "highlight.js/lib/languages/dockerfile";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import typescript from "highlight.js/lib/languages/typescript";
import yaml from "highlight.js/lib/languages/yaml";
import type { Nodes, Root, RootContent } from "mdast";
import rehypeHighlight from "rehype-highlight";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

/** Markdown → mdast (CommonMark + GFM). Built once per process. */
const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * GitHub's sanitize schema, extended only so fenced code keeps its `language-*` class on `pre >
 * code` (the default already allows it on `code`; nothing else is widened). Highlighting runs
 * after sanitising, so highlight.js's own `hljs-*` spans are added to already-safe HTML.
 */
const schema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [["className", /^language-./]],
  },
};

/** mdast → safe, highlighted HTML. Built once per process. */
const renderer = unified()
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(rehypeHighlight, {
    languages: { bash, dockerfile, javascript, json, typescript, yaml },
    detect: false,
    plainText: ["text", "txt", "plaintext", "console", "output"],
  })
  .use(rehypeStringify)
  .freeze();

export function parseMarkdown(text: string): Root {
  return parser.parse(text);
}

/** mdast content of one rendered part: block nodes, or the phrasing children of one node. */
export type Part = readonly RootContent[];

/**
 * Renders several mdast fragments in ONE run of the rehype pipeline (each fragment wrapped in a
 * `div` so sanitising and highlighting happen once per question) and returns one HTML string per
 * fragment. Link reference definitions anywhere in `definitions` resolve in every part.
 */
export function renderParts(parts: readonly Part[], definitions: Part = []): string[] {
  const root: Root = {
    type: "root",
    children: [
      ...parts.map(
        (children) =>
          // Unknown mdast node types with children become a `div` in mdast-util-to-hast.
          ({ type: "passmarkPart", children: [...children] }) as unknown as RootContent,
      ),
      ...definitions,
    ],
  };
  const hast = renderer.runSync(root) as HastRoot;
  const divs = hast.children.filter((node): node is Element => node.type === "element");
  return parts.map((_, index) => {
    const div = divs[index];
    if (!div) return "";
    return renderer.stringify({ type: "root", children: div.children }).trim();
  });
}

/** Renders a standalone markdown string (track study notes). */
export function renderMarkdown(text: string): string {
  const tree = parseMarkdown(text);
  return renderParts([tree.children])[0] ?? "";
}

/** Plain text of an mdast node (text, inline code and code values, concatenated). */
export function plainText(node: Nodes): string {
  if ("value" in node && typeof node.value === "string") {
    return node.type === "html" ? "" : node.value;
  }
  if ("children" in node) {
    let out = "";
    for (const child of node.children) out += plainText(child as Nodes);
    return out;
  }
  return "";
}
