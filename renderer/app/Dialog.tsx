import { Modal, type ModalRootProps } from '@mantine/core';

interface DialogProps extends Pick<ModalRootProps, 'opened' | 'onClose' | 'size' | 'yOffset' | 'className'> {
  title: string;
  children: React.ReactNode;
}

/**
 * Mantine's Modal with two accessibility fixes: its header is a <header>, which makes every open
 * dialog a second "banner" landmark beside the app's top bar, and its close button has no name.
 */
export function Dialog({ title, children, ...root }: DialogProps) {
  return (
    <Modal.Root {...root}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header renderRoot={(props) => <div {...props} />}>
          <Modal.Title>{title}</Modal.Title>
          <Modal.CloseButton aria-label="Close" />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
