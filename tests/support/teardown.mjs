// What a node test must undo even if it is stopped: temporary sites, a serve child. Run newest
// first on exit and on SIGINT/SIGTERM/SIGHUP (a ctest timeout, which ends a process without
// 'exit'); then the signal does what it would have done (another handler, or the default).
const teardowns = [];

function tearDown() {
  while (teardowns.length > 0) {
    try {
      teardowns.pop()();
    } catch {
      // Best effort: the rest must still run.
    }
  }
}

process.once('exit', tearDown);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  const onSignal = () => {
    tearDown();
    process.removeListener(signal, onSignal);
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.on(signal, onSignal);
}

export function atTeardown(fn) {
  teardowns.push(fn);
}
