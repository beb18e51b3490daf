import { useEffect, useState } from 'react';
import './documents.css';
import { UploadDialog } from './UploadDialog';
import { useUploadStore } from './upload-store';

interface Target {
  personId: number;
  name: string;
  element: Element;
}

/** The record under the pointer: anything marked `data-person-id` (a person's page, a list row). */
function targetOf(node: EventTarget | null): Target | null {
  const element = node instanceof Element ? node.closest('[data-person-id]') : null;
  const personId = Number(element?.getAttribute('data-person-id'));
  if (!element || !Number.isInteger(personId) || personId <= 0) return null;
  return { personId, name: element.getAttribute('data-person-name') ?? `person #${personId}`, element };
}

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * PDFs (and email messages holding them, .msg or .eml) dropped anywhere in the window: on a record they are attached to that person; elsewhere
 * they are read, matched to people, and confirmed on one screen. A drop zone of its own (the
 * registrations import) handles its files first and marks the event, so it is left alone here.
 */
export function DocumentDropLayer() {
  const [over, setOver] = useState<Target | 'window' | null>(null);

  useEffect(() => {
    let highlighted: Element | null = null;
    const highlight = (target: Target | null) => {
      if (highlighted !== (target?.element ?? null)) highlighted?.classList.remove('drop-target');
      highlighted = target?.element ?? null;
      highlighted?.classList.add('drop-target');
    };
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event) || event.defaultPrevented) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      const target = targetOf(event.target);
      highlight(target);
      setOver(target ?? 'window');
    };
    const end = () => {
      highlight(null);
      setOver(null);
    };
    const onDragLeave = (event: DragEvent) => {
      if (event.relatedTarget === null) end();
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event) || event.defaultPrevented) return end();
      event.preventDefault();
      const files = [...(event.dataTransfer?.files ?? [])];
      const target = targetOf(event.target);
      end();
      if (target) void useUploadStore.getState().attachTo(target.personId, files, target.name);
      else void useUploadStore.getState().matchFiles(files);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
      end();
    };
  }, []);

  return (
    <>
      {over && (
        <div className="drop-layer" aria-hidden="true">
          <span className="drop-layer-label">
            {over === 'window' ? 'Drop PDFs or email messages to read them and match them to people' : `Drop to attach to ${over.name}`}
          </span>
        </div>
      )}
      <UploadDialog />
    </>
  );
}
