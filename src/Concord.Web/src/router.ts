export type Cleanup = (() => void) | void;

export function navigate(hash: string): void {
  if (location.hash === hash) window.dispatchEvent(new Event('concord:rerender'));
  else location.hash = hash;
}
