import { scanTemplate } from "./scan-template";
import { didYouMean } from "./suggest-name";
import { TEMPLATE_VARIABLES, isTemplateVariable } from "./template-variables";

/** Problems with the `{{ … }}` expressions in `text`, given the declared param names. */
export function templateProblems(text: string, declaredParams: readonly string[]): string[] {
  if (!text.includes("{{")) return [];
  const scanned = scanTemplate(text);
  if (!scanned.ok) return scanned.problems;
  const problems: string[] = [];
  for (const part of scanned.parts) {
    if (part.kind !== "variable" || isTemplateVariable(part.name)) continue;
    const segments = part.name.split(".");
    if (segments[0] === "params") {
      const param = segments[1];
      if (param === undefined || segments.length > 2) {
        problems.push(
          `invalid template expression ${JSON.stringify(part.source)}: expected {{ params.NAME }} with one parameter name`,
        );
      } else if (!declaredParams.includes(param)) {
        problems.push(
          `template ${JSON.stringify(part.source)} uses param "${param}", which is not declared in params` +
            didYouMean(param, declaredParams),
        );
      }
      continue;
    }
    const candidates = [...TEMPLATE_VARIABLES, ...declaredParams.map((p) => `params.${p}`)];
    problems.push(
      `unknown template variable "${part.name}" in ${JSON.stringify(part.source)}; ` +
        `expected one of ${TEMPLATE_VARIABLES.join(", ")} or params.NAME` +
        didYouMean(part.name, candidates),
    );
  }
  return problems;
}
