/** Marks the part of packages/dag/README.md that scripts/update-readme.ts writes. */
export const GENERATED_BEGIN =
  "<!-- generated from the zod schema by `npm run docs -w @updraft/dag`: edit dag-file-schema.ts, not this section -->";
export const GENERATED_END = "<!-- end of generated section -->";

/** The command that rewrites the generated section; failure messages name it. */
export const REGENERATE_COMMAND = "npm run docs -w @updraft/dag";

function markers(readme: string): { start: number; end: number } {
  const begin = readme.indexOf(GENERATED_BEGIN);
  const end = readme.indexOf(GENERATED_END);
  if (begin === -1 || end === -1 || end < begin) {
    throw new Error(`packages/dag/README.md lacks the generated-section markers:\n${GENERATED_BEGIN}\n${GENERATED_END}`);
  }
  return { start: begin + GENERATED_BEGIN.length, end };
}

/** The text between the markers. */
export function generatedSection(readme: string): string {
  const { start, end } = markers(readme);
  return readme.slice(start, end);
}

/** The README with `content` between the markers (surrounded by blank lines). */
export function withGeneratedSection(readme: string, content: string): string {
  const { start, end } = markers(readme);
  return `${readme.slice(0, start)}\n\n${content.trimEnd()}\n\n${readme.slice(end)}`;
}
