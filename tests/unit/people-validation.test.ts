import { describe, expect, it } from 'vitest';
import { nameKey, nameSimilarity, nameSoundKey, normalizePhone, personEmail, personPhone } from '../../shared/people/validation';

describe('person field rules', () => {
  it('accepts phones only in international form and stores E.164', () => {
    expect(normalizePhone('+34 612 345 678')).toBe('+34612345678');
    expect(normalizePhone('+1 (415) 555-2671')).toBe('+14155552671');
    expect(normalizePhone('612 345 678')).toBeNull();
    expect(normalizePhone('+34 12')).toBeNull();
    expect(personPhone.safeParse('').success).toBe(true);
    expect(personPhone.safeParse('0034612345678').success).toBe(false);
  });
  it('checks email shape', () => {
    for (const ok of ['a@b.co', 'ana.garcia+desk@example.org']) expect(personEmail.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['a@b', 'no-at.example.com', 'a b@c.com', '@example.com']) expect(personEmail.safeParse(bad).success, bad).toBe(false);
  });
  it('compares names without case, accents or word order', () => {
    expect(nameKey('  Ana  María GARCÍA ')).toBe('ana maria garcia');
    expect(nameSoundKey('Ana García')).toBe(nameSoundKey('García, Ana'));
    expect(nameSimilarity('ana garcia', 'ana garcya')).toBeGreaterThanOrEqual(0.8);
    expect(nameSimilarity('ana garcia', 'bruno diaz')).toBeLessThan(0.5);
  });
});
