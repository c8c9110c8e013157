export interface MarkdownLink {
  /** 1-based line of the link. */
  line: number;
  /** The target as written: `infra/README.md#install`, `https://…`, `#fields`. */
  target: string;
}

/** The text with fenced code blocks and inline code spans blanked (same length, same lines). */
function withoutCode(text: string): string {
  const blank = (match: string) => match.replace(/[^\n]/g, " ");
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank).replace(/(`+)[^`\n][\s\S]*?\1/g, blank);
}

const INLINE_LINK = /!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]+\]:\s*<?([^\s>]+)>?/gm;
const HTML_LINK = /<(?:a|img)\s[^>]*?(?:href|src)="([^"]+)"/g;

/** Every link target of a markdown text outside code: inline links and images, reference definitions, HTML links. */
export function findMarkdownLinks(text: string): MarkdownLink[] {
  const prose = withoutCode(text);
  const links: MarkdownLink[] = [];
  for (const pattern of [INLINE_LINK, REFERENCE_DEFINITION, HTML_LINK]) {
    for (const match of prose.matchAll(pattern)) {
      const line = prose.slice(0, match.index).split("\n").length;
      links.push({ line, target: match[1] ?? "" });
    }
  }
  return links.sort((a, b) => a.line - b.line);
}
