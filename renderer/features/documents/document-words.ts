import type { MantineColor } from '@mantine/core';
import type { DocumentStatus, Finding } from '../../../shared/domain/document';
import { plural } from '../../../shared/plural';

export const STATUS_COLOR: Record<DocumentStatus, MantineColor> = {
  in_review: 'orange',
  accepted: 'teal',
  rejected: 'red',
  replaced: 'gray',
};

export const FINDING_COLOR: Record<Finding['status'], MantineColor> = { ok: 'teal', problem: 'red', check: 'yellow' };

/** Shown beside each finding, so the colour is never the only sign. */
export const FINDING_MARK: Record<Finding['status'], string> = { ok: '✓', problem: '✗', check: '?' };

export const FINDING_WORD: Record<Finding['status'], string> = { ok: 'OK', problem: 'Problem', check: 'Check by eye' };

/** "2 problems, 1 to check", or "All checks passed". */
export function findingsSummary(findings: readonly Finding[]): string {
  const problems = findings.filter((f) => f.status === 'problem').length;
  const checks = findings.filter((f) => f.status === 'check').length;
  const parts = [problems && plural(problems, 'problem', 'problems'), checks && `${checks} to check by eye`].filter(Boolean);
  return parts.length ? parts.join(', ') : 'All checks passed';
}

export function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Running in the desktop app: the system PDF viewer is reachable; in a browser we download instead. */
