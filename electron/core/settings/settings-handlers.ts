import { DEFAULT_SETTINGS, SiteSettings } from '../../../shared/contract/settings';
import { newDocBase, type Handlers, type Services } from '../context';

/** One settings document per site, with a fixed id so every station's copy converges on sync. */
export const SETTINGS_ID = 'site-settings';

export async function readSettings(s: Services): Promise<SiteSettings> {
  const doc = await s.db.sites.findOne(SETTINGS_ID).exec();
  const parsed = SiteSettings.partial().safeParse(doc?.toJSON() ?? {});
  return { ...DEFAULT_SETTINGS, ...(parsed.success ? parsed.data : {}) };
}

export function settingsHandlers(s: Services): Pick<Handlers, 'settings.get' | 'settings.update'> {
  return {
    async 'settings.get'() {
      return readSettings(s);
    },
    async 'settings.update'(ctx, input) {
      return s.exclusive(async () => {
        const before = await readSettings(s);
        const after = { ...before, ...input };
        const existing = await s.db.sites.findOne(SETTINGS_ID).exec();
        if (existing) await existing.incrementalPatch({ ...after, updatedAt: s.clock.now() });
        else await s.db.sites.insert({ ...newDocBase(s, ctx.actor, SETTINGS_ID), kind: 'settings', name: 'Site settings', parentId: '', ...after });
        await s.audit.append(ctx.actor, 'settings.update', 'settings', SETTINGS_ID, before, after);
        return after;
      });
    },
  };
}
