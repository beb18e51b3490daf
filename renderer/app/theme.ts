import { createTheme } from '@mantine/core';

/** Office PCs: system fonts (no font files to load), a calm blue, clear focus rings. */
export const theme = createTheme({
  primaryColor: 'blue',
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
  focusRing: 'auto',
  defaultRadius: 'sm',
});
