import type { Db, Tx } from "@updraft/db";
import {
  missingPoolMessage,
  planAdmission,
  poolFullMessage,
  type AdmissionCandidate,
  type AdmissionPlan,
} from "../decisions/plan-admission";
import { waitForAdmissionLock } from "./admission-lock";
import { queueAdmittedTasks, type QueuedTask } from "./queue-admitted-tasks";
import { readAdmissionCandidates, type CandidatePage } from "./read-admission-candidates";
import { readAdmissionState, type SlotUsage } from "./read-admission-state";
import { setWaitingMessages } from "./set-waiting-messages";
import { SCHEDULING_TRANSACTION } from "./transaction-options";

const PAGE_SIZE = 500;

export interface AdmissionResult {
  queued: QueuedTask[];
}

/**
 * Admission in its own transaction, waiting for the tenant's admission lock:
 * after a transaction that found the lock busy (requestAdmission), and after
 * user actions that free or add slots (pools, mark, clear).
 */
export async function admitScheduledTasks(db: Db, input: { tenantId: string }, now: Date = new Date()): Promise<AdmissionResult> {
  return db.$transaction(async (tx) => {
    await waitForAdmissionLock(tx, input.tenantId);
    return admitWithLockHeld(tx, input.tenantId, now);
  }, SCHEDULING_TRANSACTION);
}

/**
 * Gives the tenant's SCHEDULED tasks execution slots, across all its RUNNING
 * runs: highest priority_weight first (then the oldest run, then task order),
 * within each pool's free slots and each DAG's max_active_tasks. Tasks left
 * waiting get a message saying why. The caller holds the tenant's admission
 * lock (see admission-lock.ts), so two schedulers never oversubscribe a pool.
 */
export async function admitWithLockHeld(tx: Tx, tenantId: string, now: Date): Promise<AdmissionResult> {
  const state = await readAdmissionState(tx, tenantId, PAGE_SIZE);
  if (![...state.usage.poolScheduled.values()].some((n) => n > 0)) return { queued: [] };
  const plan = await planWithCandidates(tx, tenantId, state.usage, state.freePools, state.firstPage, state.firstPageLimit);
  const queued = await queueAdmittedTasks(tx, plan.admit, now);
  await setWaitingMessages(tx, { tenantId, perTask: plan.waiting, perPool: poolMessages(state.usage, plan.poolUsed), now });
  return { queued };
}

/** Plans over the candidates of the pools with free slots, reading further pages until those slots are taken. */
async function planWithCandidates(
  tx: Tx,
  tenantId: string,
  usage: SlotUsage,
  freePools: string[],
  firstPage: CandidatePage,
  firstPageLimit: number,
): Promise<AdmissionPlan> {
  const candidates: AdmissionCandidate[] = [...firstPage.candidates];
  const dagMaxActiveTasks = new Map(firstPage.dagMaxActiveTasks);
  let offset = firstPage.candidates.length;
  let complete = firstPage.candidates.length < firstPageLimit;
  for (;;) {
    const plan = planAdmission({ candidates, poolSlots: usage.poolSlots, poolActive: usage.poolActive, dagMaxActiveTasks, dagActive: usage.dagActive });
    const slotsLeft = freePools.some((pool) => (plan.poolUsed.get(pool) ?? 0) < (usage.poolSlots.get(pool) ?? 0));
    if (complete || !slotsLeft) return plan;
    const page = await readAdmissionCandidates(tx, tenantId, freePools, { limit: PAGE_SIZE, offset });
    candidates.push(...page.candidates);
    for (const [dag, limit] of page.dagMaxActiveTasks) dagMaxActiveTasks.set(dag, limit);
    offset += page.candidates.length;
    complete = page.candidates.length < PAGE_SIZE;
  }
}

/** The message of every task waiting in a pool that does not exist or is full after this admission. */
function poolMessages(usage: SlotUsage, poolUsed: ReadonlyMap<string, number>): { pool: string; message: string }[] {
  const messages: { pool: string; message: string }[] = [];
  for (const [pool, scheduled] of usage.poolScheduled) {
    if (scheduled === 0) continue;
    const slots = usage.poolSlots.get(pool);
    if (slots === undefined) messages.push({ pool, message: missingPoolMessage(pool) });
    else {
      const used = poolUsed.get(pool) ?? 0;
      if (used >= slots) messages.push({ pool, message: poolFullMessage(pool, used, slots) });
    }
  }
  return messages;
}
