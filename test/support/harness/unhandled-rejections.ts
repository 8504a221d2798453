// A browser logs an unhandled promise rejection and carries on; Node would end the process.
// Simulated devices must live like the browser, so rejections are counted and reported
// instead. (PouchDB 9.0.0's replicator calls `src.info()` after each batch without a catch:
// when the network drops at that moment, nothing handles the failed request.)

export interface RejectionLog {
  count: number;
  byMessage: Map<string, number>;
  summary(): string;
}

export function tolerateUnhandledRejections(): RejectionLog {
  const log: RejectionLog = {
    count: 0,
    byMessage: new Map(),
    summary() {
      return log.count === 0
        ? 'none'
        : [...log.byMessage].map(([m, n]) => `${n} × ${m}`).join('; ');
    },
  };
  process.on('unhandledRejection', (reason) => {
    log.count += 1;
    // Ports differ from run to run; group by the kind of failure.
    const message = String((reason as Error)?.message ?? reason)
      .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:…')
      .slice(0, 160);
    log.byMessage.set(message, (log.byMessage.get(message) ?? 0) + 1);
  });
  return log;
}
