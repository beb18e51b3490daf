import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { contract, type CallName, type Input, type Output, type ParsedInput } from '../../../../shared/contract';
import type { Quiz } from '../../../../shared/domain/quiz';
import type { Core } from '../../create-core';
import { basics } from '../../test-support/temp-core';

/** The Google Forms export e2e also uses: Ngozi passes 10/10, Tomás fails 7/10, one stranger. */
const GOOGLE_CSV = path.resolve('e2e/fixtures-data/quizzes/google-forms-new-user.csv');
export const googleCsvBytes = () => new Uint8Array(readFileSync(GOOGLE_CSV));

/** Two people at an assessment level, as e2e's arrangeOffice makes them. */
export async function twoTrainees(core: Core) {
  const { agency, levels } = await basics(core);
  const level = levels.find((l) => l.name === 'Direct Service Staff with Assessments') ?? levels[0];
  if (!level) throw new Error('no levels');
  const base = { agencyId: agency.id, accessLevelId: level.id, requestType: 'new_user' as const };
  const ngozi = await core.handlers['people.create']({ ...base, firstName: 'Ngozi', lastName: 'Okafor', email: 'ngozi.okafor@delta.example.org' });
  const tomas = await core.handlers['people.create']({ ...base, firstName: 'Tomás', lastName: 'Herrera', email: 'tomas.herrera@delta.example.org' });
  return { agency, level, levels, ngozi, tomas };
}

export async function quizOfKind(core: Core, kind: Quiz['kind']): Promise<Quiz> {
  const quiz = (await core.handlers['quizzes.list']({})).find((q) => q.kind === kind);
  if (!quiz) throw new Error(`no ${kind} quiz`);
  return quiz;
}

/** The answer key as answers: a perfect sheet. */
export function perfectAnswers(quiz: Pick<Quiz, 'questions'>): Record<string, { choices: number[] }> {
  return Object.fromEntries(quiz.questions.map((q) => [q.id, { choices: [...q.correct] }]));
}

/** Everything but the first `wrong` questions right. */
export function answersWithMistakes(quiz: Pick<Quiz, 'questions'>, wrong: number): Record<string, { choices: number[] }> {
  return Object.fromEntries(quiz.questions.map((q, i) => [q.id, { choices: i < wrong ? [q.options.findIndex((_, k) => !q.correct.includes(k))] : [...q.correct] }]));
}

/**
 * A Microsoft Forms quiz export as Forms writes it: ID, Start time, Completion time (date cells),
 * Email, Name, Total points, Quiz feedback, then per question the answer ("a;b;" for several),
 * "Points - …" and "Feedback - …".
 */
export async function microsoftFormsXlsx(quiz: Quiz, rows: { email: string; name: string; answers: string[]; when: Date }[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  const header = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Total points', 'Quiz feedback'];
  for (const q of quiz.questions) header.push(q.text.toUpperCase(), `Points - ${q.text}`, `Feedback - ${q.text}`);
  sheet.addRow(header);
  rows.forEach((r, i) => {
    const cells: (string | number | Date)[] = [i + 1, new Date(r.when.getTime() - 600_000), r.when, r.email, r.name, '', ''];
    for (const answer of r.answers) cells.push(answer, '', '');
    sheet.addRow(cells);
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Microsoft's way of writing a question's answer: options joined by ";" with a trailing ";" for checkboxes. */
export function microsoftAnswers(quiz: Quiz, choices: number[][]): string[] {
  return quiz.questions.map((q, i) => {
    const picked = (choices[i] ?? []).map((k) => q.options[k] ?? '');
    return q.type === 'multiple' ? picked.map((p) => `${p};`).join('') : (picked[0] ?? '');
  });
}

/** Calls a handler the way every transport does: the input parsed by the contract first (defaults filled in). */
export function call<K extends CallName>(core: Pick<Core, 'handlers'>, name: K, input: Input<K>): Promise<Output<K>> {
  const parsed = contract[name].input.parse(input) as ParsedInput<K>;
  return (core.handlers[name] as (i: ParsedInput<K>) => Promise<Output<K>>)(parsed);
}
