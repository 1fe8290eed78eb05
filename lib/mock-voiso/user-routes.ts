// GET /users and GET /users/{id}: the contact center's staff accounts (read-only in v4).
import { findById } from './find-by-id';
import { listResponse } from './list-response';
import { jsonResponse, notFound } from './mock-response';
import type { VoisoRoute } from './voiso-route';

export const userRoutes: readonly VoisoRoute[] = [
  {
    method: 'GET',
    path: '/users',
    resource: 'users',
    action: 'read',
    handle: ({ state, query }) => listResponse(state.users, query),
  },
  {
    method: 'GET',
    path: '/users/:id',
    resource: 'users',
    action: 'read',
    handle: ({ state, params }) => {
      const user = findById(state.users, params.id);
      return user ? jsonResponse(200, { data: user }) : notFound();
    },
  },
];
