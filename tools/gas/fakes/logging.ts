/** Logger and console: not service round trips worth counting, and allowed in every mode. */

export function createLogging() {
  // Forward at call time so jest spies on console work.
  const consoleFake = {
    log: (...a: unknown[]) => console.log(...a),
    info: (...a: unknown[]) => console.info(...a),
    warn: (...a: unknown[]) => console.warn(...a),
    error: (...a: unknown[]) => console.error(...a),
    debug: (...a: unknown[]) => console.debug(...a),
    time: (label?: string) => console.time(label),
    timeEnd: (label?: string) => console.timeEnd(label),
  };
  const Logger = {
    log(...a: unknown[]) {
      console.log(...a);
      return Logger;
    },
  };
  return { console: consoleFake, Logger };
}
