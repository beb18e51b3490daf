import { useSyncExternalStore } from 'react';

/**
 * A tiny hash router: `#/people`, `#/people/42`, `#/people/new`. Hash URLs work the same from the
 * Electron custom protocol and from the HTTP host, need no server fallback, and need no package.
 */
export interface RoutePattern {
  /** Like `/people/:id`; a param matches one path segment. */
  path: string;
}

export interface RouteMatch<R extends RoutePattern> {
  route: R;
  params: Record<string, string>;
}

export function pathFromHash(hash: string): string {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  return path.startsWith('/') ? path : `/${path}`;
}

function segments(path: string): string[] {
  return path.split('/').filter(Boolean).map(decodeURIComponent);
}

/** The first route whose pattern fits: list literal routes (`/people/new`) before param routes. */
export function matchRoute<R extends RoutePattern>(routes: readonly R[], path: string): RouteMatch<R> | null {
  const actual = segments(path);
  for (const route of routes) {
    const wanted = segments(route.path);
    if (wanted.length !== actual.length) continue;
    const params: Record<string, string> = {};
    const fits = wanted.every((part, i) => {
      const value = actual[i] ?? '';
      if (part.startsWith(':')) {
        params[part.slice(1)] = value;
        return true;
      }
      return part === value;
    });
    if (fits) return { route, params };
  }
  return null;
}

export function href(path: string): string {
  return `#${path}`;
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) {
    window.history.replaceState(null, '', href(path));
    // replaceState fires no hashchange; tell subscribers ourselves.
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = path;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHashPath(): string {
  return useSyncExternalStore(subscribe, () => pathFromHash(window.location.hash));
}
