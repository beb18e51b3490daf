/**
 * Documents from email: 200 .eml messages, each with the two signed PDFs, taken from the watched
 * folder (file read, the email reader's worker, recognition and matching of each PDF, the message
 * and PDFs stored, the file moved to processed/ with its sidecar) against the same 400 PDFs
 * attached directly (a drop on each person), in the same run on fresh data folders.
 * The watched folder's 2-second "still being written" wait is left out: it is a fixed delay, not work.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../electron/core/create-core';
import { emlOf } from '../../electron/core/documents/mail/test-support/mail-fixtures';
import { makeSampleForm, type SampleFormPerson } from '../../electron/core/documents/samples/sample-forms';
import { median, percentile, type BenchRow } from './bench-types';

const MESSAGES = Number(process.env.BENCH_MAIL_MESSAGES ?? 200);
const RUNS = Number(process.env.BENCH_MAIL_RUNS ?? 3);

const person = (i: number): SampleFormPerson => ({
  firstName: `Mail${i}`,
  lastName: `Sender${i}`,
  email: `mail.sender${i}@agency${i % 7}.example.org`,
  agencyName: 'Delta Recovery Services',
  accessLevelName: 'Read Only',
  supervisorName: 'James Nguyen',
  supervisorEmail: 'james.nguyen@delta.example.org',
});

interface Forms {
  sv: Uint8Array;
  eua: Uint8Array;
  eml: Uint8Array;
}

async function arrange(core: Core): Promise<number[]> {
  await core.handlers['app.dismissWelcome']({});
  const agency = await core.handlers['agencies.create']({ name: 'Delta Recovery Services' });
  const level = (await core.handlers['accessLevels.list']({})).find((l) => l.name === 'Read Only') ?? (await core.handlers['accessLevels.list']({}))[0]!;
  const ids: number[] = [];
  for (let i = 0; i < MESSAGES; i += 1) {
    const p = person(i);
    ids.push((await core.handlers['people.create']({ firstName: p.firstName, lastName: p.lastName, email: p.email, agencyId: agency.id, accessLevelId: level.id, supervisorName: p.supervisorName, supervisorEmail: p.supervisorEmail, requestType: 'new_user' })).id);
  }
  return ids;
}

/** A fresh core with the readers warmed on a few files (the app keeps them running), then `work` timed. */
async function timed(work: (core: Core, ids: number[], dataDir: string) => Promise<number>): Promise<number> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hmis-bench-mail-'));
  const core = await createCore({ dataDir, operator: 'bench' });
  try {
    const ids = await arrange(core);
    const warm = await makeSampleForm({ kind: 'staff_verification', person: person(MESSAGES + 1) });
    await core.handlers['documents.read']({ fileName: 'warm.pdf', bytes: warm });
    await core.handlers['documents.readMessage']({ fileName: 'warm.eml', bytes: await emlOf({ attachments: [{ filename: 'warm.pdf', content: warm }] }) });
    return await work(core, ids, dataDir);
  } finally {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function direct(forms: readonly Forms[]): Promise<number> {
  return timed(async (core, ids) => {
    const start = performance.now();
    const results = await Promise.all(forms.flatMap((f, i) => [f.sv, f.eua].map((bytes, k) => core.handlers['documents.attach']({ personId: ids[i] as number, fileName: `${k ? 'eua' : 'sv'}-${i}.pdf`, bytes }))));
    const ms = performance.now() - start;
    if (results.some((r) => !r.document)) throw new Error('A bench PDF was not attached');
    return ms;
  });
}

async function watched(forms: readonly Forms[]): Promise<number> {
  return timed(async (core, _ids, dataDir) => {
    const folder = path.join(dataDir, 'incoming');
    mkdirSync(folder);
    forms.forEach((f, i) => writeFileSync(path.join(folder, `forms-${i}.eml`), f.eml));
    const start = performance.now();
    const result = await core.documents.watch.runOnce(folder, { stableMs: 0 });
    const ms = performance.now() - start;
    const attached = result.files.reduce((n, f) => n + f.documentIds.length, 0);
    if (attached !== forms.length * 2) throw new Error(`The watched folder attached ${attached} of ${forms.length * 2} bench PDFs`);
    return ms;
  });
}

export async function benchMailDocuments(): Promise<BenchRow[]> {
  const forms: Forms[] = [];
  for (let i = 0; i < MESSAGES; i += 1) {
    const sv = await makeSampleForm({ kind: 'staff_verification', person: person(i) });
    const eua = await makeSampleForm({ kind: 'end_user_agreement', person: person(i), style: i % 2 ? 'fields' : 'flat' });
    const eml = await emlOf({ from: 'James Nguyen <james.nguyen@delta.example.org>', subject: `Forms ${i}`, attachments: [{ filename: 'sv.pdf', content: sv }, { filename: 'eua.pdf', content: eua }] });
    forms.push({ sv, eua, eml });
  }
  const ours: number[] = [];
  const bare: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    bare.push(await direct(forms));
    ours.push(await watched(forms));
  }
  const ms = median(ours);
  const baseline = median(bare);
  const pdfs = MESSAGES * 2;
  const perSecond = (t: number) => ((pdfs / t) * 1000).toFixed(1);
  return [
    {
      name: `documents from email: ${MESSAGES} .eml × 2 PDFs through the watched folder`,
      medianMs: ms,
      p95Ms: percentile(ours, 95),
      baselineMs: baseline,
      ratio: ms / baseline,
      goal: 'ratio ≤ 1.3 (vs the same PDFs dropped directly)',
      note: `${perSecond(ms)} PDFs/s (${((MESSAGES / ms) * 1000).toFixed(1)} messages/s) vs ${perSecond(baseline)} PDFs/s dropped directly; ${RUNS} runs`,
    },
  ];
}
