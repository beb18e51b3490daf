import { createTheme, defaultVariantColorsResolver, parseThemeColor, Select, type VariantColorsResolver } from '@mantine/core';

/** Text for light badges where shade 9 of the palette is still too light on a pale tint. */
const DARKER_TEXT: Record<string, string> = { orange: '#a13a05', yellow: '#7a5200', lime: '#3d6b0a' };

/**
 * Light badges and alerts (stages, mail statuses): Mantine's shade-9 text on the shade-1 tint is
 * 3.6:1 for orange and 4.3:1 for teal at badge size (axe, e2e/accessibility.spec.ts). The lightest
 * tint with shade-9 text, or a darker text for the yellow-orange palettes, passes WCAG AA.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return colors;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || parsed.shade !== undefined) return colors;
  const text = DARKER_TEXT[parsed.color] ?? `var(--mantine-color-${parsed.color}-9)`;
  return { ...colors, background: `var(--mantine-color-${parsed.color}-0)`, color: text, hoverColor: text };
};

/** Office PCs: system fonts (no font files to load), a calm blue, clear focus rings. */
export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8: white text on filled buttons and blue links reach 4.5:1 contrast (shade 6 is 3.6:1).
  primaryShade: 8,
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
  focusRing: 'auto',
  variantColorResolver,
  defaultRadius: 'sm',
  components: {
    // A closed Select's option list stays in the DOM by default, labelled by the Select's label:
    // then "the input labelled Agency" names two elements (tests and screen readers both trip).
    Select: Select.extend({ defaultProps: { comboboxProps: { keepMounted: false } } }),
  },
});
