import { wrapExecutor, type Executor } from "@updraft/executor";
import { preciseNow, type SchedulerObserver } from "./scheduler-observer";

/** Reports every launch that returned to the observer (adopted ones included, flagged). */
export function observeExecutor(executor: Executor, schedulerId: string, observer: SchedulerObserver): Executor {
  const onLaunch = observer.onLaunch;
  if (!onLaunch) return executor;
  return wrapExecutor(executor, {
    async launch(req) {
      const calledAt = preciseNow();
      const result = await executor.launch(req);
      onLaunch({ key: req.key, taskInstanceId: req.taskInstanceId, tryNumber: req.tryNumber, schedulerId, adopted: result.adopted, calledAt });
      return result;
    },
  });
}
