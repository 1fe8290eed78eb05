// The wrapper for /api/v1/* routes: the caller must present an API token. Handlers get
// the database and throw ApiError; everything else becomes the one JSON error shape.
import { authenticateBearer } from '@/lib/auth/authenticate-bearer';
import { type Database, getDatabase } from '@/lib/db/client';
import { ApiError, errorResponse } from './api-error';

export type ApiHandler = (request: Request, ctx: { db: Database }) => Promise<Response>;

export function withApiToken(handler: ApiHandler): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      const db = getDatabase();
      const auth = await authenticateBearer(db, request.headers.get('authorization'), 'api');
      if (!auth.ok) throw new ApiError('unauthorized', auth.reason, { 'WWW-Authenticate': 'Bearer' });
      return await handler(request, { db });
    } catch (err) {
      return errorResponse(err);
    }
  };
}
