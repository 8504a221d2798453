// Resident memory of a process and all its descendants (npx → tsx → node), from /proc.
import { readFileSync } from 'node:fs';

function children(pid: number): number[] {
  try {
    const tasks = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return tasks ? tasks.split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

export function processTreeRssMb(root: number): number {
  let kb = 0;
  const todo = [root];
  while (todo.length) {
    const pid = todo.pop()!;
    kb += rssKb(pid);
    todo.push(...children(pid));
  }
  return Math.round(kb / 1024);
}
