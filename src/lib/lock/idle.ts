// Inactivity: after IDLE_LOCK_MS with no touch or key, the app locks (the person's PIN opens it).
export const IDLE_LOCK_MS = 5 * 60 * 1000;

export function watchIdle(ms: number, onIdle: () => void): () => void {
  let timer = setTimeout(onIdle, ms);
  const reset = () => {
    clearTimeout(timer);
    timer = setTimeout(onIdle, ms);
  };
  const events = ['pointerdown', 'keydown'] as const;
  events.forEach((e) => window.addEventListener(e, reset, { passive: true }));
  return () => {
    clearTimeout(timer);
    events.forEach((e) => window.removeEventListener(e, reset));
  };
}
