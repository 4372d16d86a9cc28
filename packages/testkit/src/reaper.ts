/**
 * Process groups this process started and must not outlive it. Each anvil runs as the leader-less
 * member of its own group (its watchdog leads it), so a Ctrl-C to the terminal or a SIGTERM to an
 * npm launcher does not reach it by itself: it is killed here on exit and on SIGINT/SIGTERM/SIGHUP,
 * and by its watchdog if this process dies without running any handler (SIGKILL).
 */
const groups = new Set<number>();
let installed = false;

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

export function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // gone already
  }
}

function killAll(): void {
  for (const pgid of groups) killGroup(pgid, "SIGKILL");
  groups.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  killAll();
  process.removeListener(signal, onSignal);
  // Our handler replaced the default action (terminate); restore it unless someone else handles the signal.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function install(): void {
  if (installed) return;
  installed = true;
  process.once("exit", killAll);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

export function adopt(pgid: number): void {
  install();
  groups.add(pgid);
}

export function release(pgid: number): void {
  groups.delete(pgid);
}
