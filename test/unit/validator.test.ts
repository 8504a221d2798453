// The generated validate_doc_update, evaluated in Node exactly as CouchDB would get it, must
// agree with zod (the client's schema) on every document shape, and enforce the permission
// rules on the hostile corpus. One schema, enforced twice: this is what keeps the two copies
// from drifting apart.
import { describe, expect, it } from 'vitest';
import { validatorSource } from '../../server/design/build.ts';
import { emptyDetails } from '../../src/lib/domain/field-check-factory.ts';
import { kindOf } from '../../src/lib/kinds/index.ts';
import {
  FIELD_CHECK_KINDS,
  fieldCheckSchema,
  type FieldCheck,
} from '../../src/lib/domain/field-check.ts';
import { photosRole, storeNames, type StoreRole } from '../../src/lib/domain/constants.ts';
import { couchRolesFor } from '../../src/lib/domain/roles.ts';
import {
  ACTORS,
  COMMUNE,
  HOSTILE_CASES,
  authorOf,
  type Actor,
  type Doc,
  type HostileCase,
} from '../fixtures/hostile-docs.ts';
import { makeCheck, officerAuthor } from '../support/fixtures.ts';
import { photoDocSchema } from '../../src/lib/domain/photos.ts';

interface UserCtx {
  name: string | null;
  roles: string[];
}
type Validate = (newDoc: Doc, oldDoc: Doc | null, userCtx: UserCtx, secObj: object) => void;

const DB_ROLES = Object.keys(storeNames(COMMUNE)) as StoreRole[];
const sources = Object.fromEntries(
  DB_ROLES.map((db) => [db, validatorSource(COMMUNE, db)]),
) as Record<StoreRole, string>;
const validators = Object.fromEntries(
  DB_ROLES.map((db) => [db, new Function('return ' + sources[db])() as Validate]),
) as Record<StoreRole, Validate>;
const ADMIN: UserCtx = { name: 'admin', roles: ['_admin'] };

function ctxOf(actor: Actor): UserCtx {
  if (actor === 'anonymous') return { name: null, roles: [] };
  const u = ACTORS[actor];
  return { name: u.name, roles: couchRolesFor(u.role, u.commune, u.position) };
}

/** null when accepted, else the refusal's reason; anything else thrown is a crash. */
function verdict(v: Validate, doc: Doc, oldDoc: Doc | null, ctx: UserCtx): string | null {
  try {
    v(doc, oldDoc, ctx, {});
    return null;
  } catch (err) {
    const forbidden = (err as { forbidden?: unknown }).forbidden;
    if (typeof forbidden !== 'string') throw err;
    return forbidden;
  }
}

/**
 * Shape agreement: as a server admin the validator checks the shape (and the commune) only,
 * so it must accept exactly what zod accepts for this commune.
 */
function agree(doc: Doc) {
  const schema = doc.type === 'photo' ? photoDocSchema : fieldCheckSchema;
  const zodOk = schema.safeParse(doc).success && doc.commune === COMMUNE;
  const db = kindOf(String(doc.kind))?.db ?? 'log';
  const reason = verdict(validators[doc.type === 'photo' ? photosRole(db) : db], doc, null, ADMIN);
  return { zodOk, serverOk: reason === null, reason };
}

/** The document a corpus case sends, as the server would parse it. */
function sentDoc(c: HostileCase): Doc | null {
  if (c.body && c.doc) {
    const text = c.body();
    if (typeof text === 'string' && text.length < 1_000_000) return JSON.parse(text) as Doc;
  }
  return c.doc ?? null;
}

const withRev = (doc: Doc, i: number): Doc => ({ ...doc, _rev: `${i + 1}-${'a'.repeat(32)}` });

describe('generated validator vs zod on the hostile corpus', () => {
  const shaped = HOSTILE_CASES.filter((c) => sentDoc(c) && !sentDoc(c)!._deleted);

  it.each(shaped.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const doc = sentDoc(c)!;
    const { zodOk, serverOk, reason } = agree(doc);
    expect(serverOk, `zod ${zodOk ? 'accepts' : 'rejects'}, validator says ${reason}`).toBe(zodOk);
    if (c.layer === 'shape') expect(zodOk).toBe(false);
    if (c.layer === 'text') expect(zodOk).toBe(true);
  });

  it('__proto__ keys reach zod and the validator as own keys, and both refuse them', () => {
    const protoCases = HOSTILE_CASES.filter((c) => c.name.startsWith('__proto__ key'));
    expect(protoCases.length).toBeGreaterThanOrEqual(3);
    for (const c of protoCases) {
      const doc = sentDoc(c)!;
      expect(JSON.stringify(doc)).toContain('__proto__');
      expect(fieldCheckSchema.safeParse(doc).success).toBe(false);
      expect(verdict(validators.log, doc, null, ADMIN)).toMatch(/__proto__/);
    }
  });
});

describe('generated validator enforces the permission rules', () => {
  const rules = HOSTILE_CASES.filter((c) => c.layer === 'rule' || c.layer === 'text');

  it.each(rules.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const steps = c.before ?? [];
    const v = validators[c.db ?? 'log'];
    // Each setup write is accepted in turn, with the previous one as the old revision.
    let old: Doc | null = null;
    steps.forEach((step, i) => {
      expect(verdict(v, withRev(step.doc, i), old, ctxOf(step.as))).toBeNull();
      old = withRev(step.doc, i);
    });
    const doc = old ? { ...sentDoc(c)!, _rev: (old as Doc)._rev } : sentDoc(c)!;
    const reason = verdict(v, doc, old, ctxOf(c.as));
    if (c.layer === 'text') expect(reason).toBeNull();
    else expect(reason).toMatch(c.reason!);
  });

  it('refuses a replicated branch (no old revision) on someone else’s record id', () => {
    const victim = makeCheck(700);
    const forged = { ...victim, author: ACTORS.officer2.name, _rev: '9-' + 'f'.repeat(32) };
    expect(verdict(validators.log, forged, null, ctxOf('officer2'))).toMatch(/id must carry/);
  });

  it('lets a reviewer approve (a return is a review document), and an author submit and delete a draft', () => {
    const d = makeCheck(701);
    const s = { ...d, status: 'submitted', submittedAt: d.createdAt, _rev: '2-x' };
    const chair = ctxOf('chair');
    expect(verdict(validators.log, { ...s, status: 'approved' }, s, chair)).toBeNull();
    expect(verdict(validators.log, { ...s, status: 'returned' }, s, ctxOf('reviewer'))).toMatch(
      /bad status change/,
    );
    expect(verdict(validators.log, s, { ...d, _rev: '1-x' }, ctxOf('officer'))).toBeNull();
    const tombstone = { _id: d._id, _rev: '1-x', _deleted: true };
    expect(verdict(validators.log, tombstone, { ...d, _rev: '1-x' }, ctxOf('officer'))).toBeNull();
    expect(verdict(validators.log, d, null, ctxOf('anonymous'))).toMatch(/sign-in required/);
  });
});

// ---- valid documents: both engines accept them ------------------------------------------

const at = '2026-03-04T05:06:07.089Z';
const long = (n: number, ch = 'ệ') => ch.repeat(n);

function validDocs(): [string, Doc][] {
  const out: [string, Doc][] = [];
  let n = 5000;
  const base = (kind: FieldCheck['kind']) => makeCheck(++n, officerAuthor, kind);
  for (const kind of FIELD_CHECK_KINDS) {
    out.push([`${kind}: a fresh draft`, base(kind)]);
    out.push([`${kind}: all nullables null`, { ...base(kind), gps: null, followUp: null }]);
    out.push([
      `${kind}: gps at the bounds, follow-up with a due date`,
      {
        ...base(kind),
        gps: { lat: -90, lon: 180, accuracy: 100_000, capturedAt: at },
        followUp: { what: 'Kiểm tra lại', who: '', due: at },
        endedAt: at,
      },
    ]);
    out.push([
      `${kind}: max-length strings and lists`,
      {
        ...base(kind),
        hamlet: long(200),
        place: long(200, 'Đ'),
        findings: long(5000),
        recommendations: long(5000, 'ữ'),
        note: long(5000, 'a'),
        participants: Array.from({ length: 50 }, (_, i) => `Người ${i} ${long(150)}`),
        planItems: Array.from({ length: 50 }, (_, i) => `2.3.${i}`),
      },
    ]);
    out.push([
      `${kind}: unicode, emoji and hostile-looking text`,
      {
        ...base(kind),
        hamlet: 'Bản Khòn Pát 🌾',
        findings: '<script>alert(1)</script> ‮ RTL \u0000 nul',
        note: 'Tiếng Tày: Slao bjoóc mạ 👩‍🌾',
      },
    ]);
    out.push([
      `${kind}: submitted with a revision`,
      { ...base(kind), status: 'submitted', submittedAt: at, _rev: '3-abc' },
    ]);
    out.push([`${kind}: approved`, { ...base(kind), status: 'approved', submittedAt: at }]);
  }
  const env = base('environment');
  out.push([
    'environment: every number at its maximum',
    {
      ...env,
      details: {
        ...emptyDetails('environment'),
        item: 'selfMonitoring',
        householdsChecked: 1_000_000,
        householdsInService: 0,
        collectionsPerWeek: 21,
        collectionPointOk: true,
        pollutionHotspot: true,
        cleanUpParticipants: 1_000_000,
        areaM2: 100_000_000,
        organisingAssociation: long(200),
        inVillageConvention: true,
      },
    },
  ]);
  out.push([
    'environment: fractional area, minimum numbers',
    {
      ...env,
      gps: { lat: 90, lon: -180, accuracy: 0, capturedAt: at },
      details: { ...emptyDetails('environment'), areaM2: 0.5, collectionsPerWeek: 0 },
    },
  ]);
  const meeting = base('hamletMeeting');
  out.push([
    'hamlet meeting: an election with every count',
    {
      ...meeting,
      details: {
        ...emptyDetails('hamletMeeting'),
        meetingType: 'election',
        households: 312,
        attendees: 280,
        agenda: long(5000),
        votesFor: 250,
        votesAgainst: 20,
        votesOther: 10,
        personElected: 'Hoàng Văn Thắng',
        contributionsAmountVnd: 1e13,
        contributionsPurpose: 'Làm đường bê tông',
      },
    },
  ]);
  out.push(['another author and role', makeCheck(++n, authorOf('hamletHead'), 'hamletMeeting')]);
  return out;
}

const VALID = validDocs();

describe('generated validator vs zod on valid documents', () => {
  it('has about twenty valid documents', () => {
    expect(VALID.length).toBeGreaterThanOrEqual(20);
  });

  it.each(VALID)('%s', (_name, doc) => {
    const parsed = fieldCheckSchema.safeParse(doc);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(verdict(validators[kindOf(String(doc.kind))!.db], doc, null, ADMIN)).toBeNull();
  });

  it('agrees on single-field mutations of every field (no drift)', () => {
    const values: unknown[] = [
      null,
      '',
      'x',
      0,
      -1,
      1.5,
      1e20,
      true,
      [],
      ['x'],
      {},
      'x'.repeat(5001),
      at,
    ];
    const drift: string[] = [];
    let compared = 0;
    for (const [name, doc] of VALID.slice(0, FIELD_CHECK_KINDS.length * 2)) {
      const details = doc.details as Doc;
      const gps = { lat: 1, lon: 2, accuracy: 3, capturedAt: at };
      const targets: [string, (v: unknown) => Doc][] = [
        ...Object.keys(doc).map((k): [string, (v: unknown) => Doc] => [
          k,
          (v) => ({ ...doc, [k]: v }),
        ]),
        ...Object.keys(details).map((k): [string, (v: unknown) => Doc] => [
          `details.${k}`,
          (v) => ({ ...doc, details: { ...details, [k]: v } }),
        ]),
        ...Object.keys(gps).map((k): [string, (v: unknown) => Doc] => [
          `gps.${k}`,
          (v) => ({ ...doc, gps: { ...gps, [k]: v } }),
        ]),
      ];
      for (const [field, mutate] of targets) {
        for (const value of values) {
          const { zodOk, serverOk, reason } = agree(mutate(value));
          compared += 1;
          if (zodOk !== serverOk)
            drift.push(`${name} ${field}=${JSON.stringify(value)}: zod ${zodOk}, server ${reason}`);
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
    expect(drift).toEqual([]);
  });
});

describe('generated validator source', () => {
  it.each(Object.entries(sources))('%s database: parses, and is ES5', (_db, src) => {
    expect(() => new Function('return ' + src)).not.toThrow();
    expect(src.startsWith('function (newDoc, oldDoc, userCtx, secObj)')).toBe(true);
    // Code only: the embedded CONFIG is JSON (its strings hold schema patterns, not code).
    const start = src.indexOf('var CONFIG = ');
    const end = src.indexOf(';\n', start);
    // Comments may quote code (`like this`); what CouchDB's engine parses must be ES5.
    const code = (src.slice(0, start) + src.slice(end)).replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/=>/);
    expect(code).not.toMatch(/\blet\s/);
    expect(code).not.toMatch(/\bconst\s/);
    expect(code).not.toMatch(/`/);
    expect(code).not.toMatch(/\bclass\s/);
    expect(code).not.toMatch(/\.\.\./);
    // The embedded config is plain JSON.
    expect(() => JSON.parse(src.slice(start + 'var CONFIG = '.length, end))).not.toThrow();
  });
});
