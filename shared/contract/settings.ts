import { z } from 'zod';
import { ROLES, admins, bothSurfaces, method, staffOnly } from './define';

export const SiteSettings = z.object({
  /** Days a loan lasts when checked out (Lending; default 7). */
  loanDays: z.number().int().min(1, 'At least 1 day').max(365, 'At most 365 days'),
  /** Categories a general request may have (Requests). */
  requestCategories: z
    .array(z.string().trim().min(1, 'A category needs a name').max(64, 'At most 64 characters'))
    .min(1, 'Keep at least one category')
    .max(50, 'At most 50 categories')
    .refine((list) => new Set(list.map((c) => c.toLowerCase())).size === list.length, 'Each category only once'),
});
export type SiteSettings = z.infer<typeof SiteSettings>;

export const DEFAULT_SETTINGS: SiteSettings = {
  loanDays: 7,
  requestCategories: ['General', 'Maintenance', 'Facilities', 'Equipment', 'Other'],
};

export const settingsMethods = {
  'settings.get': method({
    summary: 'The site’s settings (loan period, request categories).',
    input: z.object({}).strict(),
    output: SiteSettings,
    surfaces: bothSurfaces,
    access: ROLES,
  }),
  'settings.update': method({
    summary: 'Admin: change the site’s settings.',
    input: SiteSettings.partial().strict(),
    output: SiteSettings,
    surfaces: staffOnly,
    access: admins,
  }),
} as const;
