import { ActionIcon, Alert, Button, Group, Loader, Paper, Text, Tooltip } from '@mantine/core';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * pdf.js loads with the review screen, not with the app (it is large, and needs a browser). Its
 * worker is a file of our own bundle: the CSP allows workers from 'self' and nothing else.
 */
async function loadPdfjs() {
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  return pdfjs;
}

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

/**
 * Opens untrusted bytes with everything that could run code off: no eval (our CSP has no
 * unsafe-eval), no XFA, and no scripting (that needs pdf.js's scripting sandbox, never loaded).
 */
function usePdf(bytes: Uint8Array) {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let task: ReturnType<Awaited<ReturnType<typeof loadPdfjs>>['getDocument']> | null = null;
    let gone = false;
    const fail = (e: unknown) => setError(`This PDF cannot be shown here (${String((e as Error).message ?? e)}).`);
    void loadPdfjs().then((pdfjs) => {
      if (gone) return;
      // pdf.js takes ownership of the buffer it is given, so it gets a copy.
      task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, enableXfa: false, stopAtErrors: false });
      task.promise.then(setDoc, fail);
    }, fail);
    return () => {
      gone = true;
      void task?.destroy();
    };
  }, [bytes]);
  return { doc, error };
}

interface View {
  page: number;
  zoom: number | 'fit';
  rotation: number;
}

/** The page at the chosen zoom and rotation, sharp on high-DPI screens; a newer render cancels an older one. */
function usePageCanvas(doc: PDFDocumentProxy | null, view: View, frame: React.RefObject<HTMLDivElement | null>) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [scale, setScale] = useState(1);
  useEffect(() => {
    if (!doc || !canvas.current) return;
    let task: RenderTask | null = null;
    let cancelled = false;
    void doc.getPage(view.page).then((page) => {
      if (cancelled || !canvas.current) return;
      const natural = page.getViewport({ scale: 1, rotation: view.rotation });
      const fit = ((frame.current?.clientWidth ?? natural.width) - 24) / natural.width;
      const zoom = view.zoom === 'fit' ? fit : view.zoom;
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: zoom * ratio, rotation: view.rotation });
      canvas.current.width = Math.floor(viewport.width);
      canvas.current.height = Math.floor(viewport.height);
      canvas.current.style.width = `${Math.floor(viewport.width / ratio)}px`;
      canvas.current.style.height = `${Math.floor(viewport.height / ratio)}px`;
      setScale(zoom);
      task = page.render({ canvas: canvas.current, viewport });
      task.promise.catch(() => undefined);
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, view, frame]);
  return { canvas, scale };
}

function Toolbar({ view, pages, scale, onChange }: { view: View; pages: number; scale: number; onChange(next: Partial<View>): void }) {
  const zoomBy = (step: number) => {
    const index = ZOOMS.findIndex((z) => z >= scale - 0.01);
    const next = ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, (index < 0 ? ZOOMS.length - 1 : index) + step))] ?? 1;
    onChange({ zoom: next });
  };
  return (
    <Group gap="xs" justify="space-between" className="pdf-toolbar no-print" role="toolbar" aria-label="PDF viewer">
      <Group gap={4}>
        <Button size="compact-sm" variant="default" disabled={view.page <= 1} onClick={() => onChange({ page: view.page - 1 })}>
          Previous page
        </Button>
        <Text size="sm" aria-live="polite">
          Page {view.page} of {pages}
        </Text>
        <Button size="compact-sm" variant="default" disabled={view.page >= pages} onClick={() => onChange({ page: view.page + 1 })}>
          Next page
        </Button>
      </Group>
      <Group gap={4}>
        <Tooltip label="Zoom out">
          <ActionIcon variant="default" aria-label="Zoom out" onClick={() => zoomBy(-1)}>
            −
          </ActionIcon>
        </Tooltip>
        <Text size="sm" w={48} ta="center">
          {Math.round(scale * 100)}%
        </Text>
        <Tooltip label="Zoom in">
          <ActionIcon variant="default" aria-label="Zoom in" onClick={() => zoomBy(1)}>
            +
          </ActionIcon>
        </Tooltip>
        <Button size="compact-sm" variant={view.zoom === 'fit' ? 'light' : 'default'} onClick={() => onChange({ zoom: 'fit' })}>
          Fit width
        </Button>
        <Button size="compact-sm" variant="default" onClick={() => onChange({ rotation: (view.rotation + 90) % 360 })}>
          Rotate
        </Button>
      </Group>
    </Group>
  );
}

/** A pdf.js canvas viewer for the review screen: pages, zoom, fit width, rotate. */
export function PdfViewer({ bytes, title }: { bytes: Uint8Array; title: string }) {
  const { doc, error } = usePdf(bytes);
  const frame = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<View>({ page: 1, zoom: 'fit', rotation: 0 });
  const { canvas, scale } = usePageCanvas(doc, view, frame);
  const change = useCallback((next: Partial<View>) => setView((v) => ({ ...v, ...next })), []);

  if (error) return <Alert color="orange">{error}</Alert>;
  return (
    <Paper withBorder className="pdf-viewer">
      {doc ? <Toolbar view={view} pages={doc.numPages} scale={scale} onChange={change} /> : <Loader size="sm" m="sm" aria-label="Opening the PDF" />}
      <div ref={frame} className="pdf-frame">
        <canvas ref={canvas} className="pdf-canvas" role="img" aria-label={`${title}, page ${view.page}`} data-page={view.page} />
      </div>
    </Paper>
  );
}
