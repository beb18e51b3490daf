import { useEffect, useRef, type RefObject } from 'react';

/**
 * After moving to another page, focus goes to the page's h1 (as screen-reader users expect), not
 * left on the page body. A page may draw its heading only once its data is in, so this waits for it
 * a short while; a page that focused an input of its own keeps that focus.
 */
export function useFocusHeading(mainRef: RefObject<HTMLElement | null>, path: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = mainRef.current;
    if (!main) return;
    const focusHeading = (): boolean => {
      const active = document.activeElement;
      if (active && active !== main && main.contains(active) && active.tagName !== 'H1') return true;
      const heading = main.querySelector<HTMLElement>('h1');
      if (!heading) return false;
      heading.tabIndex = -1;
      heading.focus();
      return true;
    };
    // A closing dialog hands focus back to what opened it a moment later; look again after that.
    const timers = [0, 60, 200].map((ms) => window.setTimeout(() => focusHeading(), ms));
    if (focusHeading()) return () => timers.forEach((t) => window.clearTimeout(t));
    const observer = new MutationObserver(() => focusHeading() && observer.disconnect());
    observer.observe(main, { childList: true, subtree: true });
    const stop = window.setTimeout(() => observer.disconnect(), 5000);
    return () => {
      observer.disconnect();
      window.clearTimeout(stop);
      timers.forEach((t) => window.clearTimeout(t));
    };
  }, [mainRef, path]);
}
