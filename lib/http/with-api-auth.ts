// The wrapper for /api/v1/* routes: the caller must be signed in or present an API token, and
// may change things only as an admin or with a read-write token (lib/auth/authenticate-api-request).
// Handlers get the database and the caller and throw ApiError; everything else becomes the one
// JSON error shape.
import { authenticateApiRequest } from '@/lib/auth/authenticate-api-request';
import type { Principal } from '@/lib/auth/principal';
import { type Database, getDatabase } from '@/lib/db/client';
import { errorResponse } from './api-error';

export type ApiHandler = (request: Request, ctx: { db: Database; principal: Principal }) => Promise<Response>;

export function withApiAuth(handler: ApiHandler): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      const db = getDatabase();
      const principal = await authenticateApiRequest(db, request);
      return await handler(request, { db, principal });
    } catch (err) {
      return errorResponse(err);
    }
  };
}
