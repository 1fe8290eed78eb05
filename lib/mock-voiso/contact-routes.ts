// The contacts CRUD: list, create, read, partial update and delete.
import { findById } from './find-by-id';
import { listResponse } from './list-response';
import { jsonResponse, notFound } from './mock-response';
import { contactCreateRequestSchema, contactUpdateRequestSchema } from './schemas/voiso-request-schemas';
import { validateJsonBody } from './validate-request';
import type { VoisoContact } from './voiso-records';
import type { VoisoRoute } from './voiso-route';

export const contactRoutes: readonly VoisoRoute[] = [
  {
    method: 'GET',
    path: '/contacts',
    resource: 'contacts',
    action: 'read',
    handle: ({ state, query }) => listResponse(state.contacts, query),
  },
  {
    method: 'POST',
    path: '/contacts',
    resource: 'contacts',
    action: 'write',
    handle: ({ state, body, nowMs }) => {
      const input = validateJsonBody(contactCreateRequestSchema, body);
      if (!input.ok) return input.response;
      const now = new Date(nowMs).toISOString();
      const contact: VoisoContact = {
        id: ++state.lastIds.contacts,
        name: input.value.name,
        phone_number: input.value.phone_number,
        email: input.value.email ?? null,
        timezone: input.value.timezone ?? null,
        created_at: now,
        updated_at: now,
      };
      state.contacts.push(contact);
      return jsonResponse(201, { data: contact });
    },
  },
  {
    method: 'GET',
    path: '/contacts/:id',
    resource: 'contacts',
    action: 'read',
    handle: ({ state, params }) => {
      const contact = findById(state.contacts, params.id);
      return contact ? jsonResponse(200, { data: contact }) : notFound();
    },
  },
  {
    method: 'PATCH',
    path: '/contacts/:id',
    resource: 'contacts',
    action: 'write',
    handle: ({ state, params, body, nowMs }) => {
      const contact = findById(state.contacts, params.id);
      if (!contact) return notFound();
      const input = validateJsonBody(contactUpdateRequestSchema, body);
      if (!input.ok) return input.response;
      const { name, phone_number, email, timezone } = input.value;
      if (name !== undefined) contact.name = name;
      if (phone_number !== undefined) contact.phone_number = phone_number;
      if (email !== undefined) contact.email = email;
      if (timezone !== undefined) contact.timezone = timezone;
      contact.updated_at = new Date(nowMs).toISOString();
      return jsonResponse(200, { data: contact });
    },
  },
  {
    method: 'DELETE',
    path: '/contacts/:id',
    resource: 'contacts',
    action: 'write',
    handle: ({ state, params }) => {
      const contact = findById(state.contacts, params.id);
      if (!contact) return notFound();
      state.contacts.splice(state.contacts.indexOf(contact), 1);
      return { status: 204, headers: {}, body: '' };
    },
  },
];
