import { Alert, Button, Card, Group, List, NumberInput, Radio, Select, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { RecertPolicy } from '../../../shared/domain/recert-policy';
import { plural } from '../../../shared/plural';
import { useCall, useCallMutation } from '../../api/use-call';
import { DayListInput } from './DayListInput';
import { MONTH_NAMES, noticesAfterGrace, policyChanges, policyProblems } from './policy-form';

const MONTH_OPTIONS = MONTH_NAMES.map((name, i) => ({ value: String(i + 1), label: name }));
const whole = (v: number | string, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : v === '' ? fallback : Number(v) || fallback);

function CycleFields({ policy, set, error }: { policy: RecertPolicy; set: (p: Partial<RecertPolicy>) => void; error?: string }) {
  const { cycle } = policy;
  return (
    <Radio.Group
      label="Cycle"
      description="When each person is due to recertify."
      value={cycle.kind}
      onChange={(kind) => set({ cycle: kind === 'anniversary' ? { kind, months: 12 } : { kind: 'fixed_deadline', month: 6, day: 30 } })}
      error={error}
    >
      <Stack gap="xs" mt={6}>
        <Group gap="xs" align="center">
          <Radio value="anniversary" label="From each person's last certification, after" />
          <NumberInput aria-label="Months after the last certification" size="xs" w={70} min={1} max={36} allowDecimal={false} disabled={cycle.kind !== 'anniversary'} value={cycle.kind === 'anniversary' ? cycle.months : 12} onChange={(v) => set({ cycle: { kind: 'anniversary', months: whole(v, 12) } })} />
          <Text size="sm">months</Text>
        </Group>
        <Group gap="xs" align="center">
          <Radio value="fixed_deadline" label="One annual deadline for everyone, on" />
          <Select aria-label="Deadline month" size="xs" w={130} data={MONTH_OPTIONS} allowDeselect={false} disabled={cycle.kind !== 'fixed_deadline'} value={String(cycle.kind === 'fixed_deadline' ? cycle.month : 6)} onChange={(m) => cycle.kind === 'fixed_deadline' && set({ cycle: { ...cycle, month: Number(m) } })} />
          <NumberInput aria-label="Deadline day" size="xs" w={70} min={1} max={31} allowDecimal={false} disabled={cycle.kind !== 'fixed_deadline'} value={cycle.kind === 'fixed_deadline' ? cycle.day : 30} onChange={(v) => cycle.kind === 'fixed_deadline' && set({ cycle: { ...cycle, day: whole(v, 1) } })} />
        </Group>
      </Stack>
    </Radio.Group>
  );
}

function PolicyFields({ policy, set, problems }: { policy: RecertPolicy; set: (p: Partial<RecertPolicy>) => void; problems: ReturnType<typeof policyProblems> }) {
  const cutOff = noticesAfterGrace(policy);
  return (
    <>
      <CycleFields policy={policy} set={set} error={problems.cycle} />
      <DayListInput field="reminderDaysBefore" label="Reminders before the due date" description="Days before the due date a reminder with the quiz link goes out; 0 is on the day." days={policy.reminderDaysBefore} onChange={(d) => set({ reminderDaysBefore: d })} error={problems.reminderDaysBefore} />
      <DayListInput
        field="overdueDaysAfter"
        label="Overdue notices after the due date"
        description="Days after the due date a notice goes out while the person has not recertified."
        days={policy.overdueDaysAfter}
        onChange={(d) => set({ overdueDaysAfter: d })}
        error={problems.overdueDaysAfter}
        warning={cutOff.length ? `${cutOff.join(', ')} days is after the grace period: the person has lapsed by then, so no notice goes.` : undefined}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={760}>
        <NumberInput label="Grace period (days)" description="From the due date until the person is lapsed and their account is to be deactivated." min={0} max={366} allowDecimal={false} value={policy.graceDays} onChange={(v) => set({ graceDays: whole(v, 0) })} error={problems.graceDays} />
        <NumberInput label="“Due” from (days before)" description="Before this, a person coming up is “due soon”." min={0} max={366} allowDecimal={false} value={policy.dueWithinDays} onChange={(v) => set({ dueWithinDays: whole(v, 0) })} error={problems.dueWithinDays} />
      </SimpleGrid>
      <Switch label="Copy the supervisor on overdue notices" checked={policy.copySupervisorOnOverdue} onChange={(e) => set({ copySupervisorOnOverdue: e.currentTarget.checked })} />
      <Switch label="Sign the End User Agreement again at each recertification" checked={policy.resignAgreement} onChange={(e) => set({ resignAgreement: e.currentTarget.checked })} />
    </>
  );
}

/**
 * Settings → Recertification policy. The draft is kept against the version it was started from:
 * a save over a policy someone else saved meanwhile is refused by the core with a sentence.
 */
export function RecertPolicyCard() {
  const saved = useCall('recert.policy.get', {});
  // How many active certified people there are: every due date within ten years is all of them.
  const certified = useCall('recert.due', { withinDays: 3660, limit: 1 });
  const [draft, setDraft] = useState<{ policy: RecertPolicy; base: string | null } | null>(null);
  const saving = useCallMutation('recert.policy.save', { errorShownInPlace: true });
  if (!saved.data) return saved.error ? <Alert color="red">{saved.error.message}</Alert> : null;

  const current = saved.data;
  const policy = draft?.policy ?? current.policy;
  const set = (patch: Partial<RecertPolicy>) => {
    saving.reset();
    setDraft({ policy: { ...policy, ...patch }, base: draft?.base ?? current.updatedAt });
  };
  const problems = policyProblems(policy);
  const changes = draft ? policyChanges(current.policy, policy, certified.data?.total ?? null) : [];
  const staleBase = draft !== null && draft.base !== current.updatedAt;
  const invalid = Object.keys(problems).length > 0;

  const save = () =>
    draft &&
    saving.mutate(
      { policy, expectedUpdatedAt: draft.base },
      {
        onSuccess: () => {
          setDraft(null);
          notifications.show({ color: 'teal', message: 'Recertification policy saved. Due dates and statuses follow it now.' });
        },
      },
    );
  const discard = () => {
    saving.reset();
    setDraft(null);
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="recert-policy-title" data-testid="recert-policy">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4" id="recert-policy-title">
            Recertification policy
          </Title>
          <Text size="sm" c="dimmed">
            Every HMIS user recertifies by passing the recertification quiz. Due dates, reminders and lapses follow this policy for everyone at once
            {certified.data ? ` (${plural(certified.data.total, 'certified person', 'certified people')} now).` : '.'}
          </Text>
        </div>
        <PolicyFields policy={policy} set={set} problems={problems} />
        {staleBase && <Alert color="orange">Someone else saved the policy while you were editing. Saving yours is refused; discard your changes to see theirs.</Alert>}
        {saving.error && <Alert color="red">{saving.error.message}</Alert>}
        {changes.length > 0 && (
          <Alert color="blue" title="What saving changes">
            <List size="sm">
              {changes.map((c) => (
                <List.Item key={c}>{c}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group>
          <Button onClick={save} loading={saving.isPending} disabled={!draft || changes.length === 0 || invalid}>
            Save policy
          </Button>
          {draft && (
            <Button variant="default" onClick={discard}>
              Discard changes
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
