import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";

// Comments are Markdown, shown as HTML made by markdown-it with raw HTML off: every tag a comment
// contains is shown as text, never run or rendered. Its link check refuses javascript:, vbscript:,
// file: and data: addresses (the link stays text); images are off (nothing is fetched for a
// comment). Links are marked as user content that search engines should not follow. "@handle"
// mentions a user (lib/users/handles.ts): not inside code, not in the middle of a word or an address.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true }).disable(["image"]);

const openLink = markdown.renderer.rules.link_open ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
markdown.renderer.rules.link_open = (tokens, i, options, env, self) => {
  tokens[i]!.attrSet("rel", "ugc nofollow noopener");
  return openLink(tokens, i, options, env, self);
};

/** A handle as a mention writes it: what lib/users/handles.ts allows. */
const MENTION = /^@([a-z0-9][a-z0-9-]{0,28}[a-z0-9])(?![a-z0-9@-]|\.[a-z0-9])/i;

markdown.inline.ruler.before("emphasis", "mention", (state, silent) => {
  if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */) return false;
  const before = state.pos > 0 ? state.src[state.pos - 1]! : " ";
  if (/[\p{L}\p{N}_.+-]/u.test(before)) return false;
  const match = MENTION.exec(state.src.slice(state.pos));
  if (!match) return false;
  if (!silent) state.push("mention", "", 0).content = match[1]!.toLowerCase();
  state.pos += match[0].length;
  return true;
});
markdown.renderer.rules.mention = (tokens, i) => `<span class="mention">@${markdown.utils.escapeHtml(tokens[i]!.content)}</span>`;

/** A comment's Markdown as safe HTML. */
export function commentHtml(body: string): string {
  return markdown.render(body);
}

/** The handles a comment mentions, each once, in the order they first appear. */
export function mentionsIn(body: string): string[] {
  const found = new Set<string>();
  const walk = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === "mention") found.add(token.content);
      if (token.children) walk(token.children);
    }
  };
  walk(markdown.parse(body, {}));
  return [...found];
}
