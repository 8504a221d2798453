// Provisions extra communes and their officers into a data directory, then exits: run as a
// short-lived process before the server starts, since only an in-process server knows the
// embedded database's own address and admin. Usage: tsx provision-communes.ts <dataDir> <json>
import { adminCouch } from '../../server/provision/couch.ts';
import { provision } from '../../server/provision/steps.ts';
import type { UserSpec } from '../../server/provision/users.ts';
import { startTestServer } from '../support/server.ts';

export interface CommunePlan {
  commune: string;
  users: { name: string; password: string }[];
}

const [dataDir, planJson] = process.argv.slice(2);
const plan = JSON.parse(planJson) as CommunePlan[];
const server = await startTestServer(dataDir);
try {
  const couch = adminCouch(server.couchUrl, server.admin);
  for (const { commune, users } of plan) {
    const specs: UserSpec[] = users.map((u) => ({
      ...u,
      fullName: `Thiết bị thử ${u.name}`,
      role: 'officer',
      position: 'land',
      commune,
    }));
    await provision(couch, { commune, users: specs });
  }
} finally {
  await server.stop();
}
process.exit(0);
