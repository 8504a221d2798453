// The same draft edited on two devices before they synced: both versions survive sync, the
// app finds the other version, and its author keeps the one they choose.
import { describe, expect, it } from 'vitest';
import { FieldCheckRepository } from '../../src/lib/data/field-checks.repo.ts';
import { dbNames } from '../../src/lib/domain/constants.ts';
import { emptyInput } from '../../src/lib/domain/field-check-factory.ts';
import { OFFICER, officerAuthor } from '../support/fixtures.ts';
import { httpDb, memoryDb } from '../support/pouch.ts';
import { useTestServer } from '../support/server.ts';

const server = useTestServer();
const LOG = dbNames('hong-phong').log;

describe('a record edited on two devices', () => {
  it('keeps both versions, reports the other one, and resolves to the chosen one', async () => {
    const phone = memoryDb('phone');
    const office = memoryDb('office');
    const remote = httpDb(server.url, LOG, OFFICER);
    const phoneRepo = new FieldCheckRepository(phone);
    const officeRepo = new FieldCheckRepository(office);

    const input = emptyInput('environment', new Date());
    input.hamlet = 'Thôn Pò Nhùng';
    const draft = await phoneRepo.createDraft(input, officerAuthor);
    await phone.sync(remote);
    await office.sync(remote);

    // Offline on both devices, the same draft is edited differently.
    const onPhone = await phoneRepo.saveDraft(draft, { ...input, findings: 'Ghi trên điện thoại' });
    const atOffice = await officeRepo.saveDraft((await officeRepo.get(draft._id))!, {
      ...input,
      findings: 'Ghi ở văn phòng',
    });
    await phone.sync(remote);
    await office.sync(remote);
    await phone.sync(remote);

    const winner = (await phoneRepo.get(draft._id))!;
    const others = await phoneRepo.conflictsOf(draft._id);
    expect(others).toHaveLength(1);
    const findings = [winner.findings, others[0].findings].sort();
    expect(findings).toEqual(['Ghi trên điện thoại', 'Ghi ở văn phòng'].sort());

    // The author keeps the office version, wherever it ended up.
    const chosen = [winner, ...others].find((v) => v._rev === atOffice._rev)!;
    expect(chosen).toBeDefined();
    await phoneRepo.resolveConflict(chosen);
    await phone.sync(remote);
    await office.sync(remote);
    for (const repo of [phoneRepo, officeRepo]) {
      expect((await repo.get(draft._id))?.findings).toBe('Ghi ở văn phòng');
      expect(await repo.conflictsOf(draft._id)).toEqual([]);
    }
    expect(onPhone._rev).not.toBe(atOffice._rev);
  });
});
