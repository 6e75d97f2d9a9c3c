import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CallContext } from '../../electron/core/context';
import { methods, topics, type MethodName, type RoleName, type Surface, type TopicName } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { seedStation, validInputs, validParams, type SeededStation } from '../helpers/contract-samples';
import { ADMIN, TestCore, customerSignIn, expectOnlyAuditOf, signIn, type StoreDump } from '../helpers/core';

const methodEntries = Object.entries(methods) as [MethodName, (typeof methods)[MethodName]][];
const topicEntries = Object.entries(topics) as [TopicName, (typeof topics)[TopicName]][];

/** Every method on every surface it may be called from (enumerated from the contract). */
const methodCases = methodEntries.flatMap(([name, spec]) => spec.surfaces.map((surface) => [name, surface] as const));

const NOT_OBJECTS: unknown[] = [42, 'x', [], true];
/** A value no field of any input accepts (strings, numbers, enums, booleans). */
const WRONG_TYPE = { nested: true };

const shapeOf = (schema: z.ZodType): Record<string, z.ZodType> => (schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {});
const requiredKeys = (schema: z.ZodType) => Object.entries(shapeOf(schema)).filter(([, field]) => !field.safeParse(undefined).success).map(([key]) => key);

function expectValidation(r: Envelope<unknown>, what: string, field?: string): void {
  expect(r, what).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  if (r.ok) return;
  expect(r.error.message, what).toEqual(expect.any(String));
  expect(r.error.message.length, what).toBeGreaterThan(0);
  expect(r.error.fields, what).toBeDefined();
  if (field) expect(r.error.fields?.[field], `${what}: fields.${field}`).toEqual(expect.any(String));
}

let t: TestCore;
let s: SeededStation;
let before: StoreDump;
let admin: CallContext;
let customer: CallContext;

beforeAll(async () => {
  t = await TestCore.create();
  s = await seedStation(t);
  before = await t.dumpStore();
  [admin, customer] = await Promise.all([signIn(t, ADMIN), customerSignIn(t)]);
});
afterAll(() => t.dispose());

/** A context allowed to call: the admin at the front desk, a signed-in customer at the kiosk. */
function allowedContext(surface: Surface, access: 'anyone' | readonly RoleName[]): CallContext {
  const role: RoleName = surface === 'staff' ? 'admin' : 'customer';
  if (access !== 'anyone' && !access.includes(role)) throw new Error(`no test session may call this on ${surface}`);
  return surface === 'staff' ? admin : customer;
}

describe('every method refuses malformed input with VALIDATION', () => {
  it('the contract’s inputs are objects with a shape (so the cases below cover every field)', () => {
    for (const [name, spec] of methodEntries) expect(spec.input instanceof z.ZodObject, name).toBe(true);
  });

  it.each(methodCases)('%s on the %s surface', async (method, surface) => {
    const spec = methods[method];
    const ctx = allowedContext(surface, spec.access);
    const sample = validInputs(s)[method] as Record<string, unknown>;

    for (const input of NOT_OBJECTS) expectValidation(await t.call(ctx, method, input), `${method}(${JSON.stringify(input)})`, '_');
    expectValidation(await t.call(ctx, method, { __bogus: 1 }), `${method}({__bogus})`);
    // Unknown properties are refused even beside otherwise valid input.
    expectValidation(await t.call(ctx, method, { ...sample, __bogus: 1 }), `${method}(valid + __bogus)`);

    const required = requiredKeys(spec.input);
    if (required.length > 0) {
      const r = await t.call(ctx, method, {});
      expectValidation(r, `${method}({})`);
      if (!r.ok) expect(Object.keys(r.error.fields ?? {}).sort(), `${method}({}) names every required field`).toEqual(expect.arrayContaining(required));
    } else {
      // Methods without fields accept {} (and undefined, which the core reads as {}).
      expect(spec.input.safeParse({}).success, method).toBe(true);
    }

    for (const key of Object.keys(shapeOf(spec.input))) {
      expectValidation(await t.call(ctx, method, { ...sample, [key]: WRONG_TYPE }), `${method} with ${key} of the wrong type`, key);
    }
  });
});

describe('every topic refuses malformed params with VALIDATION', () => {
  const watchOnce = async (ctx: CallContext, topic: TopicName, params: unknown) => {
    const w = t.watch(ctx, topic, params);
    try {
      return await w.waitFor(() => true);
    } finally {
      w.stop();
    }
  };

  it.each(topicEntries.map(([name]) => name))('%s', async (topic) => {
    const spec = topics[topic];
    // Kiosk-only topics (a customer's own items and loans) are checked from the kiosk.
    const ctx = allowedContext(spec.surfaces.includes('staff') ? 'staff' : 'kiosk', spec.access);
    for (const params of NOT_OBJECTS) expectValidation(await watchOnce(ctx, topic, params), `${topic}(${JSON.stringify(params)})`, '_');
    expectValidation(await watchOnce(ctx, topic, { __bogus: 1 }), `${topic}({__bogus})`);
    for (const key of Object.keys(shapeOf(spec.params))) {
      expectValidation(await watchOnce(ctx, topic, { ...validParams()[topic], [key]: WRONG_TYPE }), `${topic} with ${key} of the wrong type`, key);
    }
  });
});

describe('malformed input changed nothing', () => {
  it('sessions are as they were (not signed out, not locked, not switched)', async () => {
    expect(await t.ok(admin, 'auth.session', {})).toMatchObject({ role: 'admin', accountId: s.adminId, locked: false });
    expect(await t.ok(customer, 'auth.session', {})).toMatchObject({ role: 'customer', accountId: s.customerAccountId, locked: false });
  });

  it('no failed attempt was counted against the admin (sign-in still works)', async () => {
    await signIn(t, ADMIN);
  });

  it('the store holds exactly what it held, apart from the test’s own sign-ins', async () => {
    expectOnlyAuditOf(before, await t.dumpStore(), ['auth.signIn']);
  });
});
