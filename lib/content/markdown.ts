import hljsCore from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import dockerfile from "highlight.js/lib/languages/dockerfile";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import typescript from "highlight.js/lib/languages/typescript";
import yaml from "highlight.js/lib/languages/yaml";
import MarkdownIt, { type Env, type StateCore, type Token } from "markdown-it";

/**
 * Markdown → tokens → safe, highlighted HTML with markdown-it (CommonMark + GFM tables and
 * strikethrough), plus GFM task-list items recognised here. Everything is built once per process.
 *
 * Safety (see docs/decisions/0003-question-bank-format.md):
 * - raw HTML is parsed (so the tree has the same shape as CommonMark/GFM) but never rendered:
 *   the `html_block` and `html_inline` rules output nothing, exactly like the former
 *   remark-rehype pipeline that dropped raw HTML;
 * - every link and image URL is checked when it is rendered: markdown-it's own `validateLink`
 *   (no `javascript:`, `vbscript:`, `file:`, non-image `data:`) AND GitHub's sanitize allow-list
 *   of schemes (http, https, mailto, xmpp, irc, ircs; relative URLs). A rejected URL is dropped,
 *   leaving a link without `href` or an image without `src`, as rehype-sanitize did. (Parsing
 *   accepts every URL so that such a link is still a link, not literal text.)
 * - every text, attribute and code string is escaped by markdown-it or highlight.js.
 */

/** highlight.js core with only the languages the bank uses: no auto-detection. */
const hljs = hljsCore.newInstance();
hljs.registerLanguage("bash", bash);
hljs.registerLanguage("dockerfile", dockerfile);
hljs.registerLanguage("javascript", javascript);
hljs.registerLanguage("json", json);
hljs.registerLanguage("typescript", typescript);
hljs.registerLanguage("yaml", yaml);

/** Fence languages rendered as plain text (no `hljs` class, no highlighting). */
const PLAIN_TEXT = new Set(["text", "txt", "plaintext", "console", "output"]);

/** URL schemes allowed in links and images (GitHub's sanitize schema for `href`). */
const SAFE_SCHEME = /^(?:https?|mailto|xmpp|ircs?):/i;
/** Anything before `?`, `#` or `/` that ends in `:` is a scheme (as in hast-util-sanitize). */
const HAS_SCHEME = /^[^/?#]*:/;

/** GFM task-list item marker at the start of a list item's first paragraph. */
const TASK_RE = /^\[([ \txX])\][ \t\n]/;

const escapeHtml = (s: string) => md.utils.escapeHtml(s);

function highlight(code: string, lang: string): string {
  if (!lang) return ""; // markdown-it renders a plain `<pre><code>`
  const cls = escapeHtml(`language-${lang}`);
  if (PLAIN_TEXT.has(lang)) return `<pre><code class="${cls}">${escapeHtml(code)}</code></pre>`;
  let body = escapeHtml(code);
  if (hljs.getLanguage(lang)) {
    try {
      body = hljs.highlight(code, { language: lang, ignoreIllegals: true }).value;
    } catch {
      // never fail a compile over highlighting: keep the escaped, unhighlighted code
    }
  }
  return `<pre><code class="hljs ${cls}">${body}</code></pre>`;
}

const md = new MarkdownIt({ html: true, linkify: false, typographer: false, highlight });

const defaultValidateLink = md.validateLink.bind(md);
/** Whether a (normalised) link or image URL may be rendered. */
export function isSafeUrl(url: string): boolean {
  if (!defaultValidateLink(url)) return false;
  const trimmed = url.trim();
  return !HAS_SCHEME.test(trimmed) || SAFE_SCHEME.test(trimmed);
}
// Parse every destination (the renderer drops unsafe ones): a rejected URL keeps its link text.
md.validateLink = () => true;

/** Removes the attribute `name` from a token when its URL is unsafe. */
function dropUnsafeUrl(token: Token, name: "href" | "src"): void {
  const url = token.attrGet(name);
  if (url !== null && !isSafeUrl(String(url))) {
    token.attrs = (token.attrs ?? []).filter(([k]) => k !== name);
  }
}

// Keep reference definitions as (invisible) block tokens: they are blocks of the question body.
md.core.ruler.disable("strip_references");

/** Marks GFM task-list items (before inline parsing) and strips the `[x]` marker. */
function markTaskItems(state: StateCore): void {
  const tokens = state.tokens;
  const lists: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.type === "bullet_list_open" || t.type === "ordered_list_open") lists.push(t);
    else if (t.type === "bullet_list_close" || t.type === "ordered_list_close") lists.pop();
    else if (t.type === "list_item_open" && tokens[i + 1]?.type === "paragraph_open") {
      const inline = tokens[i + 2];
      if (inline?.type !== "inline") continue;
      const m = TASK_RE.exec(inline.content);
      if (!m) continue;
      const checked = m[1] === "x" || m[1] === "X";
      t.meta = { ...t.meta, checked };
      t.attrJoin("class", "task-list-item");
      const list = lists[lists.length - 1];
      if (list && list.attrGet("class") === null) list.attrSet("class", "contains-task-list");
      // `source`: the paragraph's markdown including the marker (used for hashing).
      inline.meta = { ...inline.meta, task: checked, source: inline.content };
      inline.content = inline.content.slice(4);
    }
  }
}

/** After inline parsing: prefix each task item's content with its checkbox and a space. */
function addCheckboxes(state: StateCore): void {
  for (const t of state.tokens) {
    if (t.type !== "inline" || typeof t.meta?.task !== "boolean") continue;
    const box = new state.Token("task_checkbox", "input", 0);
    box.meta = { checked: t.meta.task };
    const space = new state.Token("text", "", 0);
    space.content = " ";
    t.children = [box, space, ...(t.children ?? [])];
  }
}

md.core.ruler.after("block", "passmark_task_items", markTaskItems);
md.core.ruler.push("passmark_task_checkboxes", addCheckboxes);

const rules = md.renderer.rules;
rules.html_block = () => "";
rules.html_inline = () => "";
rules.reference_definition = () => "";
rules.task_checkbox = (tokens, idx) =>
  `<input type="checkbox"${tokens[idx]?.meta?.checked ? " checked" : ""} disabled>`;
rules.s_open = () => "<del>";
rules.s_close = () => "</del>";
rules.link_open = (tokens, idx, options, _env, self) => {
  dropUnsafeUrl(tokens[idx] as Token, "href");
  return self.renderToken(tokens, idx, options);
};
const renderImage = rules.image;
rules.image = (tokens, idx, options, env, self) => {
  dropUnsafeUrl(tokens[idx] as Token, "src");
  return renderImage ? renderImage(tokens, idx, options, env, self) : "";
};
const cellOpen: NonNullable<typeof rules.th_open> = (tokens, idx, options, _env, self) => {
  const token = tokens[idx] as Token;
  // markdown-it aligns cells with `style`; emit the `align` attribute, as GitHub and remark did.
  const style = token.attrGet("style");
  if (typeof style === "string") {
    const align = /^text-align:(\w+)$/.exec(style)?.[1];
    token.attrs = (token.attrs ?? []).filter(([k]) => k !== "style");
    if (align) token.attrSet("align", align);
  }
  return self.renderToken(tokens, idx, options);
};
rules.th_open = cellOpen;
rules.td_open = cellOpen;

/** One block of the body: a container (list, item, blockquote…), a leaf or a paragraph/heading. */
export interface Block {
  /** Token type without `_open`: `paragraph`, `heading`, `bullet_list`, `fence`, `reference_definition`… */
  readonly type: string;
  /** The opening (or only) token. */
  readonly open: Token;
  /** Token range [start, end) in `Markdown.tokens`. */
  readonly start: number;
  readonly end: number;
  /** Child blocks (empty for leaves, paragraphs and headings). */
  readonly children: readonly Block[];
  /** The inline content of a paragraph or heading. */
  readonly inline: Token | null;
}

export interface Markdown {
  readonly tokens: Token[];
  readonly env: Env;
  /** Top-level blocks. */
  readonly blocks: readonly Block[];
}

function blocksOf(tokens: readonly Token[], from: number, to: number): Block[] {
  const out: Block[] = [];
  let i = from;
  while (i < to) {
    const open = tokens[i] as Token;
    if (open.nesting === 1) {
      let depth = 1;
      let j = i + 1;
      while (j < to && depth > 0) {
        depth += (tokens[j] as Token).nesting;
        j++;
      }
      const type = open.type.endsWith("_open") ? open.type.slice(0, -5) : open.type;
      const leaf = type === "paragraph" || type === "heading";
      out.push({
        type,
        open,
        start: i,
        end: j,
        children: leaf ? [] : blocksOf(tokens, i + 1, j - 1),
        inline: leaf ? (tokens[i + 1] ?? null) : null,
      });
      i = j;
    } else {
      out.push({ type: open.type, open, start: i, end: i + 1, children: [], inline: null });
      i++;
    }
  }
  return out;
}

export function parseMarkdown(text: string): Markdown {
  const env: Env = {};
  const tokens = md.parse(text, env);
  return { tokens, env, blocks: blocksOf(tokens, 0, tokens.length) };
}

/** 0-based first line and end line (exclusive) of a block. */
export function linesOf(block: Block): readonly [number, number] {
  return block.open.map ?? [0, 0];
}

/** `true`/`false` for a task-list item (`[x]` / `[ ]`), `null` for any other block. */
export function taskChecked(item: Block): boolean | null {
  const checked = item.open.meta?.checked;
  return typeof checked === "boolean" ? checked : null;
}

/** Inline tokens of a paragraph, without the checkbox of a task-list item. */
export function inlineContent(paragraph: Block): readonly Token[] {
  const inline = paragraph.inline;
  const children = inline?.children ?? [];
  return typeof inline?.meta?.task === "boolean" ? children.slice(2) : children;
}

/** Renders a contiguous run of blocks of one parsed document as HTML. */
export function renderBlocks(doc: Markdown, blocks: readonly Block[]): string {
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  if (!first || !last) return "";
  return md.renderer.render(doc.tokens.slice(first.start, last.end), md.options, doc.env).trim();
}

/** Renders inline tokens (an option or a rationale) as inline HTML, with no wrapping `<p>`. */
export function renderInline(doc: Markdown, tokens: readonly Token[]): string {
  return md.renderer.renderInline([...tokens], md.options, doc.env).trim();
}

/** Renders a standalone markdown string (track study notes). */
export function renderMarkdown(text: string): string {
  return md.render(text).trim();
}

/**
 * Plain text of inline tokens: text and inline code, soft breaks as newlines; no markup, no raw
 * HTML and no image alt text.
 */
export function plainText(tokens: readonly Token[]): string {
  let out = "";
  for (const t of tokens) {
    if (t.type === "text" || t.type === "code_inline") out += t.content;
    else if (t.type === "softbreak") out += "\n";
  }
  return out;
}
