/**
 * Process groups this process started and must not outlive it. Each anvil runs as the leader-less
 * member of its own group (its watchdog leads it), so a Ctrl-C to the terminal or a SIGTERM to an
 * npm launcher does not reach it by itself: it is killed here on exit and on SIGINT/SIGTERM/SIGHUP
 * (when nothing else handles them), and by its watchdog if this process dies without running any
 * handler (SIGKILL) or a launcher above it dies.
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
  // Someone else handles the signal (e.g. the devstack CLI stops its services in order, then exits):
  // leave anvil to them; the exit handler (or the watchdog) kills whatever they leave.
  if (process.listenerCount(signal) > 1) return;
  killAll();
  process.removeListener(signal, onSignal);
  // Our handler replaced the default action (terminate): restore it and end as the signal would have.
  process.kill(process.pid, signal);
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
