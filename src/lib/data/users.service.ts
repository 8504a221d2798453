// Account administration from the admin page: calls the server's /api/users with the admin's
// own session. Needs the network (it is an office task); failures come back as messages.
import type { NewUser, UserChange, UserSummary } from '$lib/domain/user';

export interface ApiProblem {
  message: string;
  fields: { path: string; message: string }[];
}

export class UsersApiError extends Error {
  constructor(readonly problem: ApiProblem) {
    super(problem.message);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new UsersApiError({ message: 'offline', fields: [] });
  }
  const json = (await res.json().catch(() => ({}))) as {
    error?: string;
    fields?: ApiProblem['fields'];
  };
  if (!res.ok) {
    throw new UsersApiError({ message: json.error ?? res.statusText, fields: json.fields ?? [] });
  }
  return json as T;
}

export const listUsers = () => call<UserSummary[]>('GET', '/api/users');
export const createUser = (u: NewUser) => call<UserSummary>('POST', '/api/users', u);
export const changeUser = (name: string, c: UserChange) =>
  call<UserSummary>('PUT', `/api/users/${encodeURIComponent(name)}`, c);
