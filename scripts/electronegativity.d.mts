// Types for scripts/electronegativity.mjs, so its test is type-checked like the rest.
export interface Finding {
  id: string;
  file: string;
  line: number;
  severity: string;
  confidence: string;
  manualReview: boolean;
  description: string;
}
export interface AcceptedFinding {
  id: string;
  file: string;
  reason: string;
}
export function scan(options?: { root?: string; parts?: string[] }): Promise<{ checks: number; errors: { file: string; message: string; tolerable: boolean }[]; findings: Finding[] }>;
export function judge(findings: Finding[], accepted: AcceptedFinding[]): { explained: Finding[]; unexplained: Finding[]; stale: AcceptedFinding[] };
export function readAccepted(): AcceptedFinding[];
