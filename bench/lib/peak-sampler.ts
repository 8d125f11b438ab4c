/**
 * Polls `read` every `intervalMs` until stopped and returns the highest value seen, for the
 * memory a server needs while it streams. Polling can miss a short spike; with a stream of
 * seconds and memory that grows with what is buffered, the plateau is what it catches.
 */
export function samplePeak(read: () => number, intervalMs = 20): { stop(): number } {
  let peak = read();
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, read());
    } catch {
      // The process is gone; the stream's own error will say why.
    }
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      try {
        peak = Math.max(peak, read());
      } catch {
        // As above.
      }
      return peak;
    },
  };
}
