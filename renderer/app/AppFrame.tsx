import { AppShell } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useAppInfo } from '../features/app/use-app-info';
import { RecoveryDialog } from '../features/backups/RecoveryDialog';
import { DocumentDropLayer } from '../features/documents/DocumentDropLayer';
import { useFinderStore } from '../features/finder/finder-store';
import { PersonFinder } from '../features/finder/PersonFinder';
import { WelcomePage } from '../features/welcome/WelcomePage';
import { NotFoundPage } from './NotFoundPage';
import { matchRoute, navigate, useHashPath } from './router';
import { HOME_PATH, ROUTES } from './routes';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';
import { useFocusHeading } from './use-focus-heading';

export function AppFrame() {
  const path = useHashPath();
  const showWelcome = useAppInfo().data?.showWelcome ?? false;
  const [navOpened, nav] = useDisclosure(false);
  const mainRef = useRef<HTMLElement>(null);
  const match = matchRoute(ROUTES, path);
  useFocusHeading(mainRef, path);

  // Ctrl+K must work from anywhere, inputs included, so no tags are ignored.
  useHotkeys([['mod+K', () => useFinderStore.getState().open()]], []);

  useEffect(() => {
    if (path === '/') navigate(HOME_PATH, { replace: true });
  }, [path]);

  useEffect(() => {
    const title = showWelcome ? 'Welcome' : (match?.route.title ?? 'Page not found');
    document.title = `${title} — HMIS Access Desk`;
  }, [showWelcome, match?.route.title]);

  // On a narrow window the sidebar is a drawer: leaving a page closes it.
  const closeNav = nav.close;
  useEffect(() => closeNav(), [path, closeNav]);

  const Page = match?.route.page;
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="md">
      <button type="button" className="skip-link" onClick={() => mainRef.current?.focus()}>
        Skip to content
      </button>
      <AppShell.Header className="no-print">
        <TopBar navOpened={navOpened} onToggleNav={nav.toggle} />
      </AppShell.Header>
      <AppShell.Navbar className="no-print" aria-label="Queues">
        <Sidebar path={path} />
      </AppShell.Navbar>
      <AppShell.Main ref={mainRef} tabIndex={-1} className="app-main">
        {showWelcome ? <WelcomePage /> : Page && match ? <Page key={path} params={match.params} /> : path === '/' ? null : <NotFoundPage />}
      </AppShell.Main>
      <PersonFinder />
      <DocumentDropLayer />
      <RecoveryDialog />
    </AppShell>
  );
}
