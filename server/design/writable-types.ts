// Append-only document types besides field checks, with who may add them. Progress updates
// and reviews join here as their schemas land.
import type { z } from 'zod';
import type { Role } from '../../src/lib/domain/roles.ts';

export const extraSchemas: Record<string, z.ZodType> = {};
export const DOC_WRITERS: Record<string, { writers: Role[] }> = {};
