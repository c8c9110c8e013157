import type { Db, Tx } from "@updraft/db";
import {
  missingPoolMessage,
  planAdmission,
  poolFullMessage,
  quotaHasRoom,
  tenantFullMessage,
  type AdmissionCandidate,
  type AdmissionPlan,
} from "../decisions/plan-admission";
import { waitForAdmissionLock } from "./admission-lock";
import { queueAdmittedTasks, type QueuedTask } from "./queue-admitted-tasks";
import { readAdmissionCandidates } from "./read-admission-candidates";
import { readAdmissionState, type AdmissionState, type SlotUsage } from "./read-admission-state";
import { setWaitingMessages } from "./set-waiting-messages";
import { SCHEDULING_TRANSACTION } from "./transaction-options";

const PAGE_SIZE = 500;

export interface AdmissionResult {
  queued: QueuedTask[];
}

/**
 * Admission in its own transaction, waiting for the tenant's admission lock:
 * after a transaction that found the lock busy (AdmissionCoordinator), and after
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
 * within each pool's free slots, each DAG's max_active_tasks and the tenant's
 * quota. Tasks left waiting get a message saying why. The caller holds the
 * tenant's admission lock (see admission-lock.ts), so two schedulers never
 * oversubscribe a pool or the quota.
 */
export async function admitWithLockHeld(tx: Tx, tenantId: string, now: Date): Promise<AdmissionResult> {
  const state = await readAdmissionState(tx, tenantId, PAGE_SIZE);
  if (!state || ![...state.usage.poolScheduled.values()].some((n) => n > 0)) return { queued: [] };
  const plan = await planWithCandidates(tx, tenantId, state);
  const queued = await queueAdmittedTasks(tx, plan.admit, now);
  const perPool = poolMessages(state.usage, plan.poolUsed);
  await setWaitingMessages(tx, {
    tenantId,
    perTask: plan.waiting,
    perPool,
    perTenant: tenantMessage(state, plan, perPool),
    now,
  });
  return { queued };
}

/**
 * Plans over the candidates of the pools with free slots, reading further
 * pages until those slots are taken or the quota has no room for any more.
 */
async function planWithCandidates(tx: Tx, tenantId: string, state: AdmissionState): Promise<AdmissionPlan> {
  const { usage, freePools, firstPage } = state;
  const candidates: AdmissionCandidate[] = [...firstPage.candidates];
  const dagMaxActiveTasks = new Map(firstPage.dagMaxActiveTasks);
  let offset = firstPage.candidates.length;
  let complete = firstPage.candidates.length < state.firstPageLimit;
  for (;;) {
    const plan = planAdmission({
      candidates,
      poolSlots: usage.poolSlots,
      poolActive: usage.poolActive,
      dagMaxActiveTasks,
      dagActive: usage.dagActive,
      quota: state.quota,
      quotaUsed: state.quotaUsed,
    });
    const slotsLeft = freePools.some((pool) => (plan.poolUsed.get(pool) ?? 0) < (usage.poolSlots.get(pool) ?? 0));
    if (complete || !slotsLeft || !quotaHasRoom(state.quota, plan.quotaUsed, state.smallestRequest)) return plan;
    const page = await readAdmissionCandidates(tx, tenantId, freePools, { limit: PAGE_SIZE, offset });
    candidates.push(...page.candidates);
    for (const [dag, limit] of page.dagMaxActiveTasks) dagMaxActiveTasks.set(dag, limit);
    offset += page.candidates.length;
    complete = page.candidates.length < PAGE_SIZE;
  }
}

/**
 * The message of the tasks of the free pools that admission did not look at,
 * when the tenant runs as many tasks (or pods) as its quota allows: they all
 * wait for the same reason. Null otherwise (they keep their messages).
 */
function tenantMessage(
  state: AdmissionState,
  plan: AdmissionPlan,
  perPool: readonly { pool: string }[],
): { pools: string[]; message: string } | null {
  const message = tenantFullMessage(state.quota, plan.quotaUsed);
  if (!message) return null;
  const pools = state.freePools.filter((pool) => !perPool.some((p) => p.pool === pool));
  return pools.length > 0 ? { pools, message } : null;
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
