import { Button } from '@mantine/core';
import { useState } from 'react';
import { QueueFrame } from './QueueFrame';
import { QueueTable } from './QueueTable';
import { SendTrainingModal } from './SendTrainingModal';
import { useTrainingQueueStore } from './training-queue-store';
import { useTrainingQueue } from './use-training-queue';
import { plural } from '../../../shared/plural';

/** People whose documents are accepted: send them the training for their level, one or many at once. */
export function TrainingToSendPage() {
  const { selected } = useTrainingQueue('training_to_send');
  const [sending, setSending] = useState<number[] | null>(null);
  const actions = (
    <Button disabled={selected.length === 0} onClick={() => setSending(selected)}>
      Send training to {selected.length ? plural(selected.length, 'person', 'people') : 'the chosen people'}
    </Button>
  );
  const table = (
    <QueueTable
      queue="training_to_send"
      label="Training to send"
      selectable
      columns={[
        {
          header: '',
          width: 90,
          cell: (row) => (
            <Button size="compact-xs" variant="light" className="no-print" onClick={() => setSending([row.person.id])}>
              Send
            </Button>
          ),
        },
      ]}
    />
  );
  return (
    <QueueFrame queue="training_to_send" title="Training to send" intro="Both documents are accepted. The training email lists the materials of their access level and the quiz directions." actions={actions} table={table}>
      <SendTrainingModal personIds={sending} onClose={() => setSending(null)} onSent={() => useTrainingQueueStore.getState().clearSelection()} />
    </QueueFrame>
  );
}
