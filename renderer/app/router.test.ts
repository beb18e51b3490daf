import { describe, expect, it } from 'vitest';
import { matchRoute, pathFromHash } from './router';

const routes = [{ path: '/people' }, { path: '/people/new' }, { path: '/people/:id' }];

describe('router', () => {
  it('reads the path from the hash', () => {
    expect(pathFromHash('')).toBe('/');
    expect(pathFromHash('#/people/4')).toBe('/people/4');
    expect(pathFromHash('#/people?x=1')).toBe('/people');
  });

  it('matches literal routes before param routes and extracts params', () => {
    expect(matchRoute(routes, '/people')?.route.path).toBe('/people');
    expect(matchRoute(routes, '/people/new')?.route.path).toBe('/people/new');
    expect(matchRoute(routes, '/people/42')).toEqual({ route: { path: '/people/:id' }, params: { id: '42' } });
    expect(matchRoute(routes, '/people/42/')?.params).toEqual({ id: '42' });
  });

  it('matches nothing for an unknown path', () => {
    expect(matchRoute(routes, '/quizzes')).toBeNull();
    expect(matchRoute(routes, '/people/4/history')).toBeNull();
  });
});
