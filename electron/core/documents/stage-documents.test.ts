import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveStage, STAGES, type DocumentState } from '../../../shared/workflow';
import { openSqlite } from '../db/sqlite.repo';
import { basics, tempCore, type TempCore } from '../test-support/temp-core';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.dispose());

const STATES: DocumentState[] = ['missing', 'in_review', 'rejected', 'accepted'];
const NOW = '2026-11-28T15:00:00.000Z';

/** Document rows written straight to the table: this test is about the rules, not about PDFs. */
function insertDocuments(dataDir: string, rows: { personId: number; kind: string; state: DocumentState; n: number }[]): void {
  const side = openSqlite(path.join(dataDir, 'hmis.sqlite'));
  try {
    const insert = side.prepare(`INSERT INTO documents (person_id, kind, status, file_name, file_sha256, file_size, page_count, findings, form_values, uploaded_at, uploaded_by, reviewed_at, reviewed_by)
      VALUES (?, ?, ?, 'f.pdf', ?, 10, 1, '[]', '{}', ?, 'x', ?, ?)`);
    for (const r of rows) {
      if (r.state === 'missing') continue;
      const reviewed = r.state === 'in_review' ? null : NOW;
      // A replaced (older, rejected) form beside each current one: history must not count.
      insert.run(r.personId, r.kind, 'replaced', String(r.n).padStart(63, '0') + 'a', NOW, NOW, 'x');
      insert.run(r.personId, r.kind, r.state, String(r.n).padStart(63, '0') + 'b', NOW, reviewed, reviewed && 'x');
    }
  } finally {
    side.close();
  }
}

describe('stage SQL twin, with documents', () => {
  it('filters every combination of document states into the stage deriveStage() gives', async () => {
    const { agency, level } = await basics(t.core);
    const cases: { id: number; requestType: 'new_user' | 'deactivation'; sv: DocumentState; eua: DocumentState }[] = [];
    let n = 0;
    for (const requestType of ['new_user', 'deactivation'] as const) {
      for (const sv of STATES) {
        for (const eua of STATES) {
          n += 1;
          const p = await t.core.handlers['people.create']({ firstName: 'P', lastName: `N${n}`, email: `p${n}@x.example.org`, agencyId: agency.id, accessLevelId: level.id, requestType });
          cases.push({ id: p.id, requestType, sv, eua });
        }
      }
    }
    insertDocuments(t.dataDir, cases.flatMap((c, i) => [{ personId: c.id, kind: 'staff_verification', state: c.sv, n: i * 2 }, { personId: c.id, kind: 'end_user_agreement', state: c.eua, n: i * 2 + 1 }]));
    const expected = new Map(cases.map((c) => [c.id, deriveStage({ requestType: c.requestType, documents: { staffVerification: c.sv, endUserAgreement: c.eua } }, '2026-11-28')]));
    for (const c of cases) expect((await t.core.handlers['people.get']({ id: c.id })).stage, `${c.requestType} ${c.sv}/${c.eua}`).toBe(expected.get(c.id));
    for (const stage of STAGES) {
      const bySql = await t.core.handlers['people.list']({ stage, sort: 'name', direction: 'asc', offset: 0, limit: 100 });
      const byRules = cases.filter((c) => expected.get(c.id) === stage).map((c) => c.id);
      expect(bySql.items.map((p) => p.id).sort((a, b) => a - b), stage).toEqual(byRules);
    }
    expect(new Set(expected.values())).toEqual(new Set(['awaiting_documents', 'documents_in_review', 'documents_rejected', 'documents_accepted', 'deactivation_requested']));
  });
});
