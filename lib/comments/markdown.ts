import MarkdownIt from "markdown-it";

// Comments are Markdown, shown as HTML made by markdown-it with raw HTML off: every tag a comment
// contains is shown as text, never run or rendered. Its link check refuses javascript:, vbscript:,
// file: and data: addresses (the link stays text); images are off (nothing is fetched for a
// comment). Links are marked as user content that search engines should not follow.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true }).disable(["image"]);

const openLink = markdown.renderer.rules.link_open ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
markdown.renderer.rules.link_open = (tokens, i, options, env, self) => {
  tokens[i]!.attrSet("rel", "ugc nofollow noopener");
  return openLink(tokens, i, options, env, self);
};

/** A comment's Markdown as safe HTML. */
export function commentHtml(body: string): string {
  return markdown.render(body);
}
