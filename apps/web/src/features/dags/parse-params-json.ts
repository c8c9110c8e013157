export type ParamsParse = { ok: true; conf: Record<string, unknown> } | { ok: false; message: string };

/** Validates the trigger form's "Params (JSON)" text in the browser. */
export function parseParamsJson(text: string): ParamsParse {
  if (text.trim() === "") return { ok: true, conf: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `Params are not valid JSON: ${detail}. Example: {"sample_rate": 0.5}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, message: 'Params must be a JSON object of name → value, e.g. {"sample_rate": 0.5}.' };
  }
  return { ok: true, conf: value as Record<string, unknown> };
}
