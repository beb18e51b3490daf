import { Badge, type MantineColor } from '@mantine/core';
import { STAGE_LABELS, STAGE_TONE, type Stage } from '../../../shared/workflow';

const TONE_COLOR: Record<(typeof STAGE_TONE)[Stage], MantineColor> = {
  waiting: 'blue',
  action: 'orange',
  done: 'teal',
  ended: 'gray',
};

export function StageBadge({ stage, size = 'sm' }: { stage: Stage; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={TONE_COLOR[STAGE_TONE[stage]]} variant="light" size={size} tt="none" className="stage-badge" data-stage={stage}>
      {STAGE_LABELS[stage]}
    </Badge>
  );
}
