import { describe, expect, it } from 'vitest';
import { cssString, pageSetupCss } from './page-setup';

describe('page setup', () => {
  it('asks for US Letter in the orientation given, with page numbers in the footer', () => {
    const css = pageSetupCss({ orientation: 'landscape', footer: 'County HMIS Office · Master list' });
    expect(css).toContain('size: letter landscape');
    expect(css).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages)');
    expect(css).toContain('content: "County HMIS Office · Master list"');
  });

  it('keeps an office name with quotes or a closing brace inside its string', () => {
    expect(cssString('The "Best" Office } @page {')).toBe('"The \\"Best\\" Office } @page {"');
    expect(cssString('back\\slash\nnext line')).toBe('"back\\\\slash next line"');
  });
});
