import type { ReactNode } from 'react';
import { usePrinting } from '../../app/use-printing';
import { formatInstant } from '../people/format';
import { pageSetupCss, type PrintOrientation } from './page-setup';
import { usePrintContext } from './use-print-context';
import './print-frame.css';

export interface PrintFrameProps {
  title: string;
  /** The filters in words ("Agency: Delta · Stage: Documents pending"), or what "everything" means here. */
  filters: string;
  /** What is on paper when it is less than the screen holds: "Tab: Missing documents (1 of 3)", "the first 2,000 of 2,410". */
  scope?: string;
  /** When the numbers were worked out (a report's `generatedAt`); without it, now. */
  generatedAt?: string;
  /** Landscape where the table is wide (the default: the office's lists are). */
  orientation?: PrintOrientation;
  /** A print-only body (a plain table instead of a virtual grid); without it the page's own content prints under the header. */
  children?: ReactNode;
}

/**
 * The one print frame of the app: the header (office, title, filters, when and by whom), the
 * @page rules (US Letter, orientation, "Page 2 of 5" footer), and an optional print-only body.
 * It renders only while printing, so no screen pays for it; print.css hides the app's chrome and
 * every `.no-print` (tabs, buttons, drop hints) and keeps table rows whole with repeated headers.
 */
export function PrintFrame({ title, filters, scope, generatedAt, orientation = 'landscape', children }: PrintFrameProps) {
  const printing = usePrinting();
  const context = usePrintContext();
  if (!printing) return null;
  return (
    <>
      <style>{pageSetupCss({ orientation, footer: `${context.office} · ${title}` })}</style>
      <header className="print-only print-header" data-testid="print-header">
        <div className="print-office">{context.office}</div>
        <h1 className="print-title">{title}</h1>
        <div className="print-filters">
          {filters}
          {scope ? ` — ${scope}` : ''}
        </div>
        <div className="print-generated">
          Generated {generatedAt ? formatInstant(generatedAt) : context.generated}
          {context.operator ? ` by ${context.operator}` : ''}
        </div>
      </header>
      {children && <div className="print-only print-body">{children}</div>}
    </>
  );
}
