import type { z } from 'zod';

export const SURFACES = ['staff', 'kiosk'] as const;
export type Surface = (typeof SURFACES)[number];

export const STAFF_ROLES = ['staff', 'manager', 'admin'] as const;
export const ROLES = ['customer', ...STAFF_ROLES] as const;
export type RoleName = (typeof ROLES)[number];

/**
 * Who may call: `anyone` needs no session (sign-in, first-run set-up, welcome screen);
 * otherwise a signed-in session whose role is listed.
 */
export type Access = 'anyone' | readonly RoleName[];

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  surfaces: readonly Surface[];
  access: Access;
  /** One line for people reading the contract. */
  summary: string;
}

export interface TopicSpec<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  params: P;
  result: R;
  surfaces: readonly Surface[];
  access: Access;
  summary: string;
}

export const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> => spec;
export const topic = <P extends z.ZodType, R extends z.ZodType>(spec: TopicSpec<P, R>): TopicSpec<P, R> => spec;

export const staffOnly = ['staff'] as const satisfies readonly Surface[];
export const kioskOnly = ['kiosk'] as const satisfies readonly Surface[];
export const bothSurfaces = ['staff', 'kiosk'] as const satisfies readonly Surface[];

export const anyStaff = STAFF_ROLES;
export const managers = ['manager', 'admin'] as const satisfies readonly RoleName[];
export const admins = ['admin'] as const satisfies readonly RoleName[];
export const customers = ['customer'] as const satisfies readonly RoleName[];
