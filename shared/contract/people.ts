import { z } from 'zod';
import { admins, anyStaff, managers, method, staffOnly, topic } from './define';
import { Person, PersonRow, id } from './entities';
import { personAddress, personEmail, personName, personPhone } from '../people/validation';

const PersonFields = z.object({ name: personName, email: personEmail, phone: personPhone, address: personAddress.default('') });

export const Duplicate = z.object({ person: PersonRow, reasons: z.array(z.enum(['email', 'phone', 'name'])) });

export const peopleMethods = {
  'people.get': method({
    summary: 'One person by id.',
    input: z.object({ id }).strict(),
    output: Person,
    surfaces: staffOnly,
    access: anyStaff,
  }),
  'people.create': method({
    summary: 'Create a person (email unique among active people; phone in international form).',
    input: PersonFields.strict(),
    output: Person,
    surfaces: staffOnly,
    access: anyStaff,
  }),
  'people.update': method({
    summary: 'Edit a person’s details.',
    input: PersonFields.partial().extend({ id }).strict(),
    output: Person,
    surfaces: staffOnly,
    access: anyStaff,
  }),
  'people.deactivate': method({
    summary: 'Mark a person inactive (kept, hidden from active lists, cannot borrow).',
    input: z.object({ id }).strict(),
    output: Person,
    surfaces: staffOnly,
    access: anyStaff,
  }),
  'people.reactivate': method({
    summary: 'Make an inactive person active again.',
    input: z.object({ id }).strict(),
    output: Person,
    surfaces: staffOnly,
    access: anyStaff,
  }),
  'people.delete': method({
    summary: 'Soft delete: hidden everywhere but the admin’s deleted list, restorable.',
    input: z.object({ id }).strict(),
    output: Person,
    surfaces: staffOnly,
    access: anyStaff,
  }),
  'people.restore': method({
    summary: 'Admin: bring back a soft-deleted person.',
    input: z.object({ id }).strict(),
    output: Person,
    surfaces: staffOnly,
    access: admins,
  }),
  'people.findDuplicates': method({
    summary: 'People with the same email or phone, or a very similar name (warning on create).',
    input: z.object({ name: z.string().max(120), email: z.string().max(254), phone: z.string().max(32), excludeId: id.optional() }).strict(),
    output: z.array(Duplicate),
    surfaces: staffOnly,
    access: anyStaff,
  }),
  'people.merge': method({
    summary: 'Manager: merge a duplicate into the record that stays; the duplicate is retired.',
    input: z.object({ keepId: id, mergeId: id }).strict().refine((v) => v.keepId !== v.mergeId, { message: 'Choose two different people', path: ['mergeId'] }),
    output: Person,
    surfaces: staffOnly,
    access: managers,
  }),
  'people.block': method({
    summary: 'Manager: put a person on the block list (cannot borrow), with the reason.',
    input: z.object({ id, reason: z.string().trim().min(1, 'Say why the person is blocked').max(500, 'At most 500 characters') }).strict(),
    output: Person,
    surfaces: staffOnly,
    access: managers,
  }),
  'people.unblock': method({
    summary: 'Manager: take a person off the block list.',
    input: z.object({ id }).strict(),
    output: Person,
    surfaces: staffOnly,
    access: managers,
  }),
} as const;

export const PeopleListParams = z
  .object({
    search: z.string().max(120).default(''),
    status: z.enum(['active', 'inactive', 'all', 'deleted']).default('active'),
    limit: z.number().int().min(1).max(2000).default(200),
  })
  .strict();

export const peopleTopics = {
  'people.list': topic({
    summary: 'People matching a search (name, email or phone prefix), by name; live.',
    params: PeopleListParams,
    result: z.object({ rows: z.array(PersonRow), total: z.number().int(), more: z.boolean() }),
    surfaces: staffOnly,
    access: anyStaff,
  }),
  'people.stats': topic({
    summary: 'Total, active and new this month; live.',
    params: z.object({}).strict(),
    result: z.object({ total: z.number().int(), active: z.number().int(), newThisMonth: z.number().int() }),
    surfaces: staffOnly,
    access: anyStaff,
  }),
} as const;
