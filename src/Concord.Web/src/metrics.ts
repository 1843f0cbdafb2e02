// Timings the end-to-end harness reads (window.__concord): when the inbox first showed its rows, and how long
// each search took from the last keystroke to its results on screen.
interface Metrics {
  inboxPainted: number | null;
  searches: { q: string; ms: number }[];
}

const metrics: Metrics = { inboxPainted: null, searches: [] };
(window as unknown as { __concord: Metrics }).__concord = metrics;

export function markInboxPainted(): void {
  metrics.inboxPainted ??= performance.now();
}

export function recordSearch(q: string, ms: number): void {
  metrics.searches.push({ q, ms });
}
