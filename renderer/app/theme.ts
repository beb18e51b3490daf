import { createTheme, Select } from '@mantine/core';

/** Office PCs: system fonts (no font files to load), a calm blue, clear focus rings. */
export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8: white text on filled buttons and blue links reach 4.5:1 contrast (shade 6 is 3.6:1).
  primaryShade: 8,
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
  focusRing: 'auto',
  defaultRadius: 'sm',
  components: {
    // A closed Select's option list stays in the DOM by default, labelled by the Select's label:
    // then "the input labelled Agency" names two elements (tests and screen readers both trip).
    Select: Select.extend({ defaultProps: { comboboxProps: { keepMounted: false } } }),
  },
});
