// The signed-in person's workspace: their local databases, repositories and sync. Screens get
// everything they need from here and never touch PouchDB themselves.
import { dbNames } from '$lib/domain/constants';
import { primaryRole } from '$lib/domain/roles';
import { FieldCheckRepository } from './field-checks.repo';
import { loadPouch, localDbName, openLocalDb, remoteDb } from './local-db';
import {
  rememberedSession,
  serverSessionState,
  signIn,
  signOut,
  type DeviceSession,
} from './session';
import { SyncController } from './sync.svelte';

class Workspace {
  session = $state<DeviceSession | null>(null);
  checks = $state<FieldCheckRepository | null>(null);
  sync = $state<SyncController | null>(null);
  /** The server no longer accepts this device's session: ask to sign in, keep all data. */
  needsSignIn = $state(false);
  ready = $state(false);

  get role(): string {
    return (this.session && primaryRole(this.session, this.session.commune)) ?? 'officer';
  }

  get author() {
    if (!this.session) throw new Error('not signed in');
    return { name: this.session.name, role: this.role, commune: this.session.commune };
  }
}

export const workspace = new Workspace();

async function open(session: DeviceSession) {
  const names = dbNames(session.commune);
  const local = await openLocalDb(localDbName(session.name, names.log));
  const PouchDB = await loadPouch();
  workspace.sync?.stop();
  workspace.session = session;
  workspace.checks = new FieldCheckRepository(local);
  workspace.sync = new SyncController(
    local,
    remoteDb(PouchDB, location.origin, names.log),
    `fieldbook:sync:${session.name}:${names.log}`,
  );
  workspace.sync.start();
  workspace.checks.watch(() => workspace.sync?.refreshPending());
}

/** Opens the remembered person's workspace, offline or not. */
export async function bootWorkspace(): Promise<void> {
  const session = rememberedSession();
  if (session) {
    await open(session);
    if ((await serverSessionState(session.name)) === 'expired') workspace.needsSignIn = true;
  }
  workspace.ready = true;
}

export async function signInToWorkspace(name: string, password: string): Promise<void> {
  const session = await signIn(name, password);
  workspace.needsSignIn = false;
  if (workspace.session?.name === session.name) {
    // Same person, fresh cookie: restart sync, keep everything else.
    workspace.session = session;
    workspace.sync?.stop();
    workspace.sync?.start();
    return;
  }
  await open(session);
}

export async function signOutOfWorkspace(): Promise<void> {
  workspace.sync?.stop();
  workspace.sync = null;
  workspace.checks = null;
  workspace.session = null;
  await signOut();
}
