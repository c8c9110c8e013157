import { createLogMasker, type LogMasker } from "@updraft/platform";
import { taskLogFields, type LaunchRequest, type LogStreamName } from "@updraft/executor";
import type { Logger } from "pino";

export interface TryLogMasking {
  /** Masks `text` and passes it on, in the order it came, once the tenant's mask values are known. */
  append(req: LaunchRequest, stream: LogStreamName, text: string): void;
  /** The try ended: waits for its mask values, then passes on what each stream's masker held back. */
  end(req: LaunchRequest): Promise<void>;
  /**
   * The try is handed over (left running for another scheduler): waits until
   * everything that arrived is passed on, forgets the try, and returns per
   * stream the text that was held back and not passed on, for the next
   * scheduler to deliver again (its masker then sees a secret split there).
   */
  detach(req: LaunchRequest): Promise<Partial<Record<LogStreamName, string>>>;
}

interface TryState {
  /** Set once the mask values are loaded; one masker per stream, made on first use. */
  values?: string[];
  maskers: Map<LogStreamName, LogMasker>;
  /** Output that arrived before the mask values, in order. */
  queue: { stream: LogStreamName; text: string }[];
  /** The load failed for good: the output is withheld, never stored unmasked. */
  withheld: boolean;
  ready: Promise<void>;
}

/** Waits before the 2nd and 3rd attempt to load a tenant's mask values. */
const RETRY_DELAYS_MS = [200, 1000];

/**
 * Masks every secret value and connection password of a task's tenant as
 * `***` in its output before `sink` stores it (README, design decision D8): one streaming
 * masker per try and stream, so a value split across output chunks is
 * caught too; the few characters a masker holds back are passed on at the
 * end of the try. Output is never stored unmasked: while the tenant's values
 * load it waits (in order), and if they cannot be loaded the output is
 * withheld with a note saying why.
 */
export function createTryLogMasking(
  maskValues: (tenantSlug: string) => Promise<string[]>,
  sink: (req: LaunchRequest, stream: LogStreamName, text: string) => void,
  logger: Logger,
): TryLogMasking {
  const tries = new Map<string, TryState>();

  function pass(req: LaunchRequest, state: TryState, stream: LogStreamName, text: string): void {
    let masker = state.maskers.get(stream);
    if (!masker) {
      masker = createLogMasker(state.values!);
      state.maskers.set(stream, masker);
    }
    const masked = masker.push(text);
    if (masked) sink(req, stream, masked);
  }

  async function loadValues(req: LaunchRequest): Promise<string[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await maskValues(req.tenantSlug);
      } catch (err) {
        const delay = RETRY_DELAYS_MS[attempt];
        if (delay === undefined) throw err;
        logger.warn({ err, ...taskLogFields(req) }, "could not load the tenant's secrets to mask a task log; trying again");
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  function start(req: LaunchRequest): TryState {
    const state: TryState = { maskers: new Map(), queue: [], withheld: false, ready: Promise.resolve() };
    state.ready = loadValues(req).then(
      (values) => {
        state.values = values;
        for (const { stream, text } of state.queue.splice(0)) pass(req, state, stream, text);
      },
      (err: unknown) => {
        state.withheld = true;
        state.queue = [];
        const reason = err instanceof Error ? err.message : String(err);
        logger.error({ err, ...taskLogFields(req), key: req.key }, "could not load the tenant's secrets: the task's output is withheld");
        sink(req, "SYSTEM", `Updraft could not read this tenant's secrets to mask them in the log, so the task's output is not stored: ${reason}\n`);
      },
    );
    tries.set(req.key, state);
    return state;
  }

  return {
    append(req, stream, text) {
      const state = tries.get(req.key) ?? start(req);
      if (state.withheld) return;
      if (state.values === undefined) state.queue.push({ stream, text });
      else pass(req, state, stream, text);
    },
    async detach(req) {
      const state = tries.get(req.key);
      if (!state) return {};
      await state.ready;
      tries.delete(req.key);
      if (state.withheld) return {};
      const heldBack: Partial<Record<LogStreamName, string>> = {};
      for (const [stream, masker] of state.maskers) {
        const text = masker.heldBack();
        if (text) heldBack[stream] = text;
      }
      return heldBack;
    },
    async end(req) {
      const state = tries.get(req.key);
      if (!state) return;
      await state.ready;
      tries.delete(req.key);
      for (const [stream, masker] of state.maskers) {
        const rest = masker.end();
        if (rest) sink(req, stream, rest);
      }
    },
  };
}
