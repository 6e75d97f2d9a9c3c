import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { es } from '../../renderer/src/i18n/es';

/** Every screen must read the same in both languages: same keys, same placeholders, no blanks. */
function leaves(obj: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v as Record<string, unknown>, key)) out.set(kk, vv);
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const english = leaves(en);
  const spanish = leaves(es);
  it('Spanish has exactly the English keys', () => {
    expect([...spanish.keys()].sort()).toEqual([...english.keys()].sort());
  });
  it('each Spanish string keeps the English placeholders and is not empty', () => {
    for (const [key, text] of english) {
      const translated = spanish.get(key) ?? '';
      expect(translated.trim(), key).not.toBe('');
      expect(placeholders(translated), key).toEqual(placeholders(text));
    }
  });
});
