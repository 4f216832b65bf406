// A task of its own, as early as the browser allows (docs/decisions/2026-12-02-long-tasks.md): work moved out of the head
// script's task must not wait behind the parser's next tasks, or the banner shows later.

/**
 * Run `task` in a task of its own: a user-blocking one (the Prioritized Task Scheduling API,
 * scheduled ahead of ordinary tasks such as the parser's) where the browser has them, else a timer.
 */
export const soon = (task: () => void): void =>
  // A page may own a global named `scheduler`: only a real postTask counts.
  void (typeof globalThis.scheduler?.postTask == 'function'
    ? scheduler.postTask(task, { priority: 'user-blocking' })
    : setTimeout(task));
