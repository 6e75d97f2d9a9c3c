import { z } from 'zod';
import { anyStaff, admins, bothSurfaces, method, staffOnly, kioskOnly, customers } from './define';
import { Account, Role, SessionInfo, id } from './entities';
import { personEmail, personName, personPhone } from '../people/validation';

const username = z
  .string()
  .trim()
  .min(3, 'Username needs at least 3 characters')
  .max(40, 'Username is at most 40 characters')
  .regex(/^[a-zA-Z0-9._-]+$/, 'Use letters, digits, dot, dash or underscore');
const password = z.string().min(10, 'Password needs at least 10 characters').max(200, 'Password is too long');
const pin = z.string().regex(/^\d{4,8}$/, 'PIN is 4 to 8 digits');
const displayName = z.string().trim().min(1, 'Name is required').max(80, 'Name is at most 80 characters');

const Ok = z.null();

export const systemMethods = {
  'system.info': method({
    summary: 'What this window is (surface) and whether the station still needs its first admin.',
    input: z.object({}).strict(),
    output: z.object({ surface: z.enum(['staff', 'kiosk']), needsFirstAdmin: z.boolean(), deviceId: z.string(), kioskTimeoutMs: z.number(), staffLockMs: z.number() }),
    surfaces: bothSurfaces,
    access: 'anyone',
  }),
  'setup.createFirstAdmin': method({
    summary: 'First run on an empty data folder: create the first admin and sign them in.',
    input: z.object({ username, displayName, password, pin }).strict(),
    output: SessionInfo,
    surfaces: staffOnly,
    access: 'anyone',
  }),
  'auth.signIn': method({
    summary: 'Full staff sign-in with username and password (adds the person to today’s shift on this station).',
    input: z.object({ username: z.string().trim().min(1, 'Enter your username').max(40), password: z.string().min(1, 'Enter your password').max(200) }).strict(),
    output: SessionInfo,
    surfaces: staffOnly,
    access: 'anyone',
  }),
  'auth.session': method({
    summary: 'The session of this window, or null.',
    input: z.object({}).strict(),
    output: SessionInfo.nullable(),
    surfaces: bothSurfaces,
    access: 'anyone',
  }),
  'auth.signOut': method({
    summary: 'End the session of this window (kiosk "Done").',
    input: z.object({}).strict(),
    output: Ok,
    surfaces: bothSurfaces,
    access: 'anyone',
  }),
  'auth.touch': method({
    summary: 'The person at the screen is active: postpones auto-lock / kiosk reset.',
    input: z.object({}).strict(),
    output: Ok,
    surfaces: bothSurfaces,
    access: 'anyone',
  }),
  'auth.lock': method({
    summary: 'Lock the staff session (walks away); unlock or switch with a PIN.',
    input: z.object({}).strict(),
    output: Ok,
    surfaces: staffOnly,
    access: anyStaff,
  }),
  'auth.shift': method({
    summary: 'Staff who signed in fully on this station today: the quick-switch list.',
    input: z.object({}).strict(),
    output: z.array(z.object({ accountId: z.string(), displayName: z.string(), username: z.string() })),
    surfaces: staffOnly,
    access: 'anyone',
  }),
  'auth.switchByPin': method({
    summary: 'Quick switch (or unlock) to a staff member of today’s shift with their PIN.',
    input: z.object({ accountId: id, pin: z.string().regex(/^\d{1,8}$/, 'PIN is digits only') }).strict(),
    output: SessionInfo,
    surfaces: staffOnly,
    access: 'anyone',
  }),
  'auth.registerCustomer': method({
    summary: 'Kiosk: a customer registers (person record + customer account) and is signed in.',
    input: z.object({ name: personName, email: personEmail.refine((v) => v !== '', 'Email is required'), phone: personPhone, pin }).strict(),
    output: SessionInfo,
    surfaces: kioskOnly,
    access: 'anyone',
  }),
  'auth.customerSignIn': method({
    summary: 'Kiosk: a customer signs in with email and PIN.',
    input: z.object({ email: z.string().trim().min(1, 'Enter your email').max(254), pin: z.string().regex(/^\d{1,8}$/, 'PIN is digits only') }).strict(),
    output: SessionInfo,
    surfaces: kioskOnly,
    access: 'anyone',
  }),
  'accounts.list': method({
    summary: 'All accounts of staff, managers and admins.',
    input: z.object({}).strict(),
    output: z.array(Account),
    surfaces: staffOnly,
    access: admins,
  }),
  'accounts.create': method({
    summary: 'Create a staff, manager or admin account.',
    input: z.object({ username, displayName, role: z.enum(['staff', 'manager', 'admin']), password, pin }).strict(),
    output: Account,
    surfaces: staffOnly,
    access: admins,
  }),
  'accounts.update': method({
    summary: 'Change an account’s role, name or status (disable / enable).',
    input: z
      .object({ id, role: Role.exclude(['customer']).optional(), displayName: displayName.optional(), status: z.enum(['active', 'disabled']).optional() })
      .strict(),
    output: Account,
    surfaces: staffOnly,
    access: admins,
  }),
  'accounts.resetPassword': method({
    summary: 'Set a new password (and optionally PIN) for an account.',
    input: z.object({ id, password, pin: pin.optional() }).strict(),
    output: Account,
    surfaces: staffOnly,
    access: admins,
  }),
  'kiosk.myProfile': method({
    summary: 'The signed-in customer’s own person record.',
    input: z.object({}).strict(),
    output: z.object({ name: z.string(), email: z.string(), phone: z.string() }),
    surfaces: kioskOnly,
    access: customers,
  }),
} as const;
