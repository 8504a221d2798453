// The signed-in person's workspace: their local databases, repositories and sync. Screens get
// everything they need from here and never touch PouchDB themselves.
import { dbNames, photosDbName, type DbRole } from '$lib/domain/constants';
import { isDeviceSyncId } from '$lib/domain/device-sync';
import { nowIso } from '$lib/domain/dates';
import { parseId, randomSuffix } from '$lib/domain/ids';
import { photoOwner } from '$lib/domain/photos';
import { readableDbs } from '$lib/domain/policy';
import { positionOf, primaryRole, type Role } from '$lib/domain/roles';
import { CheckLog } from './check-log';
import { timed } from './perf';
import { PhotoLog, PhotoRepository } from './photos.repo';
import { photoBatches } from './photo-sync';
import { PhotoSyncController } from './photo-sync.svelte';
import { holdForPull, watchIds } from './db-watch';
import { kindOf } from '$lib/kinds';
import { DeviceStore } from './device-store';
import { UnreadableLog } from './read';
import { HamletRepository } from './hamlets.repo';
import { Queries, type Repositories } from './queries';
import { EvidenceRepository } from './evidence.repo';
import { FieldCheckRepository } from './field-checks.repo';
import {
  closeRemoteForUpdate,
  forgetOpenDbs,
  loadPouch,
  localDbName,
  openLocalDb,
  pullAhead,
  remoteDb,
} from './local-db';
import { PlanRepository } from './plan.repo';
import type { Db } from './pouch-types';
import { ProgressRepository } from './progress.repo';
import { ReviewLog, ReviewRepository } from './reviews.repo';
import { TaskRepository } from './tasks.repo';
import { ConflictLog, ConflictRepository } from './conflicts.repo';
import {
  cookieOwner,
  rememberedSession,
  serverSessionState,
  SignInFailed,
  signIn,
  signOut,
  watchServerSession,
  type DeviceSession,
  type ServerSessionState,
} from './session';
import { combineStatuses, type SyncStatus } from './sync-status';
import { SyncController } from './sync.svelte';
import type { SyncMemory } from './sync-engine';
import { migrateOnOpen } from './migrate-local';
import { storedFloors } from './newest-page';
import { notePerson, phonePerson } from './device-people';
import { NO_FAILURES } from '$lib/lock/pin';
import { watchIdle, IDLE_LOCK_MS } from '$lib/lock/idle';
import { ReceiptBook, type Delivery } from './receipts';
import { DeviceSyncRepository } from './device-sync.repo';

class Workspace {
  session = $state<DeviceSession | null>(null);
  /**
   * The person's repositories, bound to their commune: field checks across their databases,
   * and the plan, its progress updates and its evidence (all in the commune log). Pages write
   * through these and read through `queries` with `live()`.
   */
  repos = $state<Repositories | null>(null);
  queries = $state<Queries | null>(null);
  /** This person's device state: typed form text, sync memory (see device-store.ts). */
  store = $state<DeviceStore | null>(null);
  /** Documents on this device that could not be read (kept, counted, shown). */
  unreadable = $state(0);
  /** One sync per database this person replicates. */
  syncs = $state<SyncController[]>([]);
  /** The server no longer accepts this device's session: ask to sign in, keep all data. */
  needsSignIn = $state(false);
  /** An admin locked this account: say so (and stop asking to sign in); keep all data. */
  locked = $state(false);
  ready = $state(false);
  /** Locked (reopened, or idle): this person must give their PIN; nothing of theirs is open. */
  lockedFor = $state<DeviceSession | null>(null);
  /** The signed-in person has an offline PIN on this phone. */
  hasPin = $state(false);
  /**
   * Opened with the PIN while the browser's server cookie is someone else's (a shared phone):
   * nothing syncs until this person signs in with their password.
   */
  waitsForPassword = $state(false);

  get syncStatus(): SyncStatus | null {
    return this.syncs.length ? combineStatuses(this.syncs.map((s) => s.status)) : null;
  }

  get signInRequired(): boolean {
    // A locked account cannot sign in again: it is told so instead.
    return !this.locked && (this.needsSignIn || this.syncStatus?.phase === 'signedOut');
  }

  /** The person's commune role; null when the session carries none (nothing to write as). */
  get role(): Role | null {
    return this.session && primaryRole(this.session, this.session.commune);
  }

  get author() {
    if (!this.session) throw new Error('not signed in');
    const { name, commune } = this.session;
    const role = this.role;
    // No guessed role: the policy and the server would refuse it anyway.
    if (!role) throw new Error('no role in this commune');
    return { name, role, commune, position: positionOf(this.session) };
  }
}

export const workspace = new Workspace();
let stopWatching: (() => void) | null = null;
let stopNoting: (() => void) | null = null;
let stopIdle: (() => void) | null = null;
let stopSession: (() => void) | null = null;
/** The open person's local databases, by their server name (export and import by file). */
let localDbs: { name: string; db: Db }[] = [];
/** Whether the open workspace's syncs run (they wait when the cookie is someone else's). */
let syncing = false;

/** Starts the open workspace's syncs (the browser holds this person's cookie). */
function startSyncing() {
  if (syncing) return;
  syncing = true;
  workspace.waitsForPassword = false;
  // Each database's own unsent records are migrated before its sync sends them: the engine
  // waits for that (SyncOptions.beforePush), its first pull does not.
  workspace.syncs.forEach((sync) => sync.start());
}

/** The server's word on this device's session: asked while the app is open, and on a refusal. */
function followServerSession(name: string, signedInNow: boolean): () => void {
  const apply = (state: ServerSessionState) => {
    if (state === 'unknown') return;
    workspace.needsSignIn = state === 'expired';
    workspace.locked = state === 'locked';
    // A lost phone: the next unlock there must say so too, even offline.
    if (state === 'locked') notePerson(name, { accountLocked: true });
    if (state === 'valid') startSyncing();
  };
  const stopWatch = watchServerSession(name, apply, !signedInNow);
  const stopRefusals = $effect.root(() => {
    $effect(() => {
      const error = workspace.syncStatus?.error;
      if (error === 'forbidden' || error === 'unauthorized') {
        void serverSessionState(name).then(apply);
      }
    });
  });
  return () => {
    stopWatch();
    stopRefusals();
  };
}

/** The databases a person replicates (the policy: police records reach police and the chair). */
const dbRolesFor = (session: DeviceSession): DbRole[] => readableDbs(session);

/** Earlier versions kept typed text under one key for everyone: nobody's, so it goes. */
function forgetUnownedTyping() {
  const stale: string[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    if (k?.startsWith('fieldbook:typing:')) stale.push(k);
  }
  stale.forEach((k) => localStorage.removeItem(k));
}

/**
 * Opens the person's workspace as one unit: their store, databases, repositories (bound to
 * them and their commune), queries and syncs. `close` tears all of it down again.
 * `signedInNow`: opened by a sign-in the server has just answered (nothing to ask it yet).
 */
export async function openWorkspace(session: DeviceSession, signedInNow = false) {
  await closeWorkspace();
  const PouchDB = await timed('loadPouch', loadPouch);
  const store = new DeviceStore(session.name);
  const floors = storedFloors(store);
  forgetUnownedTyping();
  const unreadable = new UnreadableLog();
  const actor = session;
  const names = dbNames(session.commune);
  const checkRepos: Partial<Record<DbRole, FieldCheckRepository>> = {};
  const reviewRepos: Partial<Record<DbRole, ReviewRepository>> = {};
  const conflictRepos: Partial<Record<DbRole, ConflictRepository>> = {};
  const photoRepos: Partial<Record<DbRole, PhotoRepository>> = {};
  const syncs: SyncController[] = [];
  const photoSyncs: PhotoSyncController[] = [];
  const photoDbs: Db[] = [];
  const photoNames: string[] = [];
  let log: Db | null = null;
  // Pending means this person's own changes: ids carry their author.
  const isOwnId = (id: string) => parseId(id)?.user === session.name;
  // Opened side by side: each open is IndexedDB round trips of its own. The photo databases
  // are opened once these are (below): on a new phone, making four databases at once held up
  // the first pull, which needs only the records'.
  const opened = await Promise.all(
    dbRolesFor(session).map(async (dbRole) => {
      const name = names[dbRole];
      const local = await openLocalDb(localDbName(session.name, name));
      await local.info().catch(() => undefined);
      return { dbRole, name, local };
    }),
  );
  for (const { dbRole, name, local } of opened) {
    if (dbRole === 'log') log = local;
    checkRepos[dbRole] = new FieldCheckRepository(local, undefined, actor, unreadable, floors);
    reviewRepos[dbRole] = new ReviewRepository(local, undefined, actor, unreadable);
    conflictRepos[dbRole] = new ConflictRepository(local, undefined, actor, unreadable);
    // Photos live in the paired photo database, synced after the records (issue 16.2).
    const photoName = photosDbName(name);
    const localPhotos = await openLocalDb(localDbName(session.name, photoName));
    photoRepos[dbRole] = new PhotoRepository(localPhotos, actor);
    photoDbs.push(localPhotos);
    photoNames.push(photoName);
    const remote = remoteDb(PouchDB, location.origin, name);
    store.adopt(`fieldbook:sync:${session.name}:${name}`, `sync:${name}`);
    // Own unsent records of an older version become current before sync sends them (below);
    // the screens need not wait: readers upgrade what they read.
    const since = store.get<SyncMemory>(`sync:${name}`)?.pushedSeq ?? 0;
    const migrated = timed('workspace:migrate', () =>
      migrateOnOpen(local, { since, isOwn: isOwnId, now: nowIso() }),
    );
    const receipts = new ReceiptBook(store, `receipts:${name}`);
    const memoryKey = store.keyFor(`sync:${name}`);
    // The phone's own "last synced" note (for the dashboard) is written right after a sync:
    // it is not the person's work, so it never makes sign-out ask about "0 records unsent".
    const isOwnWork = (id: string) => isOwnId(id) && !isDeviceSyncId(id);
    const records = new SyncController(
      local,
      remote,
      memoryKey,
      // A first pull tells the screens what it wrote rather than have them read it again; it
      // need not wait for the migration, which only what is sent must pass.
      {
        isOwnChange: isOwnWork,
        holdFeed: () => holdForPull(local),
        beforePush: migrated,
        readAhead: () => pullAhead(remote),
      },
      undefined,
      receipts,
    );
    syncs.push(records);
    // Everything the photo sync counts is a photo: the status tells records and photos apart.
    const photoOptions = {
      isOwnChange: (id: string) => photoOwner(id) === session.name,
      isPhoto: () => true,
      ...photoBatches(),
    };
    const remotePhotos = remoteDb(PouchDB, location.origin, photoName);
    photoSyncs.push(
      new PhotoSyncController(
        records,
        localPhotos,
        remotePhotos,
        store.keyFor(`sync:${photoName}`),
        {
          ...photoOptions,
          readAhead: () => pullAhead(remotePhotos),
        },
      ),
    );
  }
  // After the records' controllers: each photo sync waits for its records (./photo-sync.ts).
  syncs.push(...photoSyncs);
  if (!log) throw new Error('every person replicates the commune log');
  const checks = new CheckLog(checkRepos);
  // This device among the person's devices (the dashboard's last sync per device).
  const deviceId = store.get<string>('deviceId') ?? randomSuffix();
  store.set('deviceId', deviceId);
  const repos: Repositories = {
    deviceSyncs: new DeviceSyncRepository(log, actor, unreadable),
    checks,
    reviews: new ReviewLog(reviewRepos, checks),
    plan: new PlanRepository(log, session.commune, undefined, unreadable),
    progress: new ProgressRepository(log, undefined, actor, unreadable),
    evidence: new EvidenceRepository(log, unreadable),
    hamlets: new HamletRepository(log, session.commune, actor, undefined, unreadable),
    photos: new PhotoLog(photoRepos, (kind) => kindOf(kind)?.db),
    tasks: new TaskRepository(log, undefined, actor, unreadable),
    conflicts: new ConflictLog(conflictRepos),
  };
  workspace.session = session;
  workspace.store = store;
  workspace.unreadable = 0;
  const stopCounting = unreadable.subscribe((n) => (workspace.unreadable = n));
  workspace.repos = repos;
  workspace.queries = new Queries(repos);
  workspace.syncs = syncs;
  // Photo databases too: an export of unsent work carries the photos (data/transfer.ts).
  localDbs = [
    ...opened.map(({ name, local }) => ({ name, db: local })),
    ...photoDbs.map((db, i) => ({ name: photoNames[i], db })),
  ];
  workspace.locked = false;
  workspace.needsSignIn = false;
  if (cookieOwner() === session.name) startSyncing();
  else {
    // Someone else's cookie: count what waits, send nothing (followServerSession asks anyway).
    workspace.waitsForPassword = true;
    syncs.forEach((s) => {
      s.hold();
      void s.countUnsent().catch(() => undefined);
    });
  }
  stopSession = followServerSession(session.name, signedInNow);
  // The sign-in screen tells the next person whose records are still waiting on this phone.
  stopNoting = $effect.root(() => {
    $effect(() => {
      const status = workspace.syncStatus;
      if (status)
        notePerson(session.name, {
          unsent: status.pendingLocal,
          unsentPhotos: status.pendingPhotos,
        });
    });
    // When this device was last up to date, for the supervisors' dashboard (device-sync.repo).
    $effect(() => {
      const at = workspace.syncStatus?.lastSyncedAt;
      if (at) void repos.deviceSyncs.mark(deviceId, at).catch(() => undefined);
    });
  });
  notePerson(session.name, { lastSeenAt: nowIso(), session });
  workspace.hasPin = !!phonePerson(session.name)?.pin;
  stopIdle = watchIdle(IDLE_LOCK_MS, () => void lockWorkspace());
  // Every local write is a pending change for sync to count.
  const refresh = () =>
    syncs.forEach((s) =>
      syncing ? s.refreshPending() : void s.countUnsent().catch(() => undefined),
    );
  const stops = [
    stopCounting,
    // Only the person's own records can wait to be sent. Told of the ids only: following an
    // index here would make it read every arrived record.
    ...opened.map(({ local }) => watchIds(local, isOwnId, refresh, { skipPulled: true })),
    // A photo written here is counted, and sent once the records are (./photo-sync.ts).
    ...photoSyncs.map((sync, i) =>
      watchIds(
        photoDbs[i],
        () => true,
        () => (refresh(), sync.nudge()),
      ),
    ),
  ];
  stopWatching = () => stops.forEach((stop) => stop());
}

/** The longest a new version waits for the syncs to stop before it takes over anyway. */
const UPDATE_QUIET_MS = 3000;

/**
 * Before a new version takes over (UpdatePrompt): no request may reach the old service worker
 * meanwhile (local-db.ts, closeRemoteForUpdate), so the syncs stop. The reload that follows
 * starts them again; nothing unsent is lost, it stays in the local database. (`syncing` stays
 * true: the server-session check must not start them again meanwhile.)
 */
export function stopSyncsForUpdate(): Promise<unknown> {
  closeRemoteForUpdate();
  const stopped = Promise.all(workspace.syncs.map((s) => s.stop()));
  return Promise.race([stopped, new Promise((r) => setTimeout(r, UPDATE_QUIET_MS))]);
}

/** Tears the workspace down; resolves once its replications have stopped. */
export function closeWorkspace(): Promise<unknown> {
  syncing = false;
  localDbs = [];
  workspace.waitsForPassword = false;
  stopSession?.();
  stopSession = null;
  stopNoting?.();
  stopNoting = null;
  stopIdle?.();
  stopIdle = null;
  stopWatching?.();
  stopWatching = null;
  workspace.queries = null;
  workspace.repos = null;
  workspace.store = null;
  workspace.unreadable = 0;
  const stopping = workspace.syncs.map((s) => s.stop());
  workspace.syncs = [];
  return Promise.all(stopping);
}

let reopening: Promise<void> | null = null;

/**
 * After a full disk aborted a write: PouchDB's IndexedDB adapter has then closed that
 * database for good, so every later save and the sync would fail until a reload. The person's
 * databases are opened anew (screens and typing stay), and the save can be repeated.
 */
export function reopenAfterFullDisk(): Promise<void> {
  const session = workspace.session;
  if (!session) return Promise.resolve();
  reopening ??= (async () => {
    try {
      // The failed save is told of the abort while the event is still on its way up to the
      // database, whose handler only then drops PouchDB's cached connection: a new instance
      // opened before that would take the closing one. So wait for the event to finish.
      await new Promise((resolve) => setTimeout(resolve, 0));
      await closeWorkspace();
      forgetOpenDbs();
      // Not if the person locked or signed out meanwhile.
      if (workspace.session?.name === session.name) await openWorkspace(workspace.session);
    } finally {
      reopening = null;
    }
  })();
  return reopening;
}

/** Opens the remembered person's workspace, offline or not. */
export async function bootWorkspace(): Promise<void> {
  const session = rememberedSession();
  // Reopened: a person with a PIN unlocks first; their data opens only then.
  if (session && phonePerson(session.name)?.pin) workspace.lockedFor = session;
  else if (session) await timed('workspace:open', () => openWorkspace(session));
  workspace.ready = true;
}

/** Locks now (idle, or asked): the workspace closes; the PIN opens it again. */
export async function lockWorkspace(): Promise<void> {
  const session = workspace.session;
  if (!session || !phonePerson(session.name)?.pin) return;
  await closeWorkspace();
  workspace.session = null;
  workspace.lockedFor = session;
}

export async function signInToWorkspace(name: string, password: string): Promise<void> {
  let session: DeviceSession;
  try {
    session = await signIn(name, password);
  } catch (err) {
    // A locked account's right password: a person of this phone (their cookie may never have
    // been asked, being someone else's) is refused at their next unlock too, offline as well.
    if (err instanceof SignInFailed && err.reason === 'locked' && phonePerson(name))
      notePerson(name, { accountLocked: true });
    throw err;
  }
  workspace.needsSignIn = false;
  workspace.locked = false;
  // The password, online, clears the PIN's failures and any lock.
  workspace.lockedFor = null;
  notePerson(session.name, { attempts: NO_FAILURES, accountLocked: false });
  const same =
    workspace.session?.name === session.name &&
    dbRolesFor(workspace.session).join() === dbRolesFor(session).join();
  if (same) {
    // Same person, fresh cookie: restart sync, keep everything else.
    workspace.session = session;
    workspace.waitsForPassword = false;
    syncing = true;
    workspace.syncs.forEach((s) => {
      // The engine starts again only once the old replications have stopped.
      void s.stop();
      s.start();
    });
    return;
  }
  await openWorkspace(session, true);
}

/** Where one of this person's records stands on its way to the server. */
export function deliveryOf(id: string): Delivery {
  const all = workspace.syncs.map((s) => s.delivery(id));
  return (
    all.find((d) => d.state === 'refused') ??
    all.find((d) => d.state === 'waiting') ??
    all.find((d) => d.state === 'unknown') ??
    all.find((d) => d.at) ??
    all[0] ?? { state: 'unknown', at: null, reason: null }
  );
}

/** This person's local databases with their push checkpoints (data/transfer.ts). */
export function localDatabases(): { name: string; db: Db; pushedSeq: number | string }[] {
  const store = workspace.store;
  if (!store) return [];
  return localDbs.map(({ name, db }) => ({
    name,
    db,
    pushedSeq: store.get<SyncMemory>(`sync:${name}`)?.pushedSeq ?? 0,
  }));
}

/** This person's records not yet on the server, counted now. */
export async function unsentCount(): Promise<number> {
  const counts = await Promise.all(workspace.syncs.map((s) => s.countUnsent()));
  return counts.reduce((a, b) => a + b, 0);
}

/** Send now: every sync tries again at once instead of waiting out its back-off. */
export function sendNow(): void {
  workspace.syncs.forEach((s) => s.retryNow());
}

export async function signOutOfWorkspace(): Promise<void> {
  const name = workspace.session?.name;
  // What stays behind on this phone, for the sign-in screen (the records stay in their databases).
  const unsent = await unsentCount().catch(() => null);
  if (name && unsent !== null) notePerson(name, { unsent });
  await closeWorkspace();
  workspace.session = null;
  await signOut();
}
