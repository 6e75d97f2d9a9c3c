import { Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { methods, type MethodOutput } from '../../../shared/contract';
import type { PersonRow } from '../../../shared/contract/entities';
import type { GeneralRequest } from '../../../shared/contract/requests';
import type { Envelope, ErrorBody, FieldErrors } from '../../../shared/errors';
import { REQUEST_PRIORITIES, type RequestPriority } from '../../../shared/requests/rules';
import { ErrorNote } from '../components/field-error';
import { call, useWatch } from '../lib/client';
import { checkFields } from '../lib/forms';

export interface DraftValues {
  title: string;
  description: string;
  category: string;
  priority: RequestPriority;
  attachments: string;
  assigneeId: string | null;
}

export const EMPTY_DRAFT: DraftValues = { title: '', description: '', category: '', priority: 'normal', attachments: '', assigneeId: null };

export const draftOf = (r: GeneralRequest): DraftValues => ({
  title: r.title,
  description: r.description,
  category: r.category,
  priority: r.priority,
  attachments: r.attachments.join('\n'),
  assigneeId: r.assigneeId,
});

export const toInput = (v: DraftValues) => ({
  title: v.title,
  description: v.description,
  category: v.category,
  priority: v.priority,
  attachments: v.attachments
    .split('\n')
    .map((a) => a.trim())
    .filter(Boolean),
});

/** The configured categories (the admin edits them on the Settings screen). */
export function useCategories(): string[] {
  const [categories, setCategories] = useState<string[]>([]);
  useEffect(() => {
    void call('settings.get', {}).then((r) => r.ok && setCategories(r.value.requestCategories));
  }, []);
  return categories;
}

/** Picks the customer a request is for, from the people list (search by name, email or phone). */
function CustomerPicker({ value, onChange, error }: { value: PersonRow | null; onChange: (p: PersonRow | null) => void; error?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const list = useWatch('people.list', { search: debounced, status: 'active', limit: 8 }, !value && debounced.trim().length > 0);
  if (value) {
    return (
      <Paper withBorder p="sm" data-testid="chosen-customer">
        <Group justify="space-between">
          <div>
            <Text size="xs" c="dimmed">
              {t('requests.field.customer')}
            </Text>
            <Text fw={600}>{value.name}</Text>
            <Text size="sm" c="dimmed">
              {[value.email, value.phone].filter(Boolean).join(' · ')}
            </Text>
          </div>
          <Button variant="subtle" onClick={() => onChange(null)}>
            {t('requests.customer.change')}
          </Button>
        </Group>
      </Paper>
    );
  }
  return (
    <Stack gap={6}>
      <TextInput label={t('requests.customer.search')} placeholder={t('requests.customer.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} error={error} autoFocus />
      {debounced.trim() &&
        (list.data?.rows ?? []).map((p) => (
          <Button key={p.id} variant="default" justify="space-between" onClick={() => onChange(p)} rightSection={<Text size="xs">{[p.email, p.phone].filter(Boolean).join(' · ')}</Text>}>
            {p.name}
          </Button>
        ))}
    </Stack>
  );
}

export { CustomerPicker };

/**
 * The front desk's request form: a draft for yourself, for a customer (onBehalf), or an edit
 * of a draft. Checks the fields with the contract's own schema before it sends.
 */
export function RequestForm({
  initial,
  mode,
  requestId,
  onSaved,
  onCancel,
}: {
  initial: DraftValues;
  mode: 'mine' | 'onBehalf' | 'edit';
  requestId?: string;
  onSaved: (r: GeneralRequest) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const categories = useCategories();
  const [assignees, setAssignees] = useState<MethodOutput<'requests.assignees'>>([]);
  const [values, setValues] = useState(initial);
  const [customer, setCustomer] = useState<PersonRow | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void call('requests.assignees', {}).then((r) => r.ok && setAssignees(r.value));
  }, []);
  const set = <K extends keyof DraftValues>(k: K, v: DraftValues[K]) => setValues((old) => ({ ...old, [k]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = { ...toInput(values), assigneeId: values.assigneeId };
    let local: FieldErrors;
    if (mode === 'onBehalf') {
      local = checkFields(methods['requests.createOnBehalf'].input, { ...input, personId: customer?.id ?? '' });
      if (local.personId) local.personId = t('requests.customer.required');
    } else local = checkFields(methods['requests.createDraft'].input, input);
    setFields(local);
    setError(Object.keys(local).length ? { code: 'VALIDATION', message: t('common.fixErrors') } : null);
    if (Object.keys(local).length) return;
    setBusy(true);
    let r: Envelope<GeneralRequest>;
    if (mode === 'edit' && requestId) r = await call('requests.updateDraft', { id: requestId, ...input });
    else if (mode === 'onBehalf' && customer) r = await call('requests.createOnBehalf', { ...input, personId: customer.id });
    else r = await call('requests.createDraft', input);
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      setFields(r.error.fields ?? {});
      return;
    }
    onSaved(r.value);
  }

  return (
    <Paper withBorder p="lg" maw={720}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {mode === 'onBehalf' && <CustomerPicker value={customer} onChange={setCustomer} error={fields.personId} />}
          <TextInput label={t('requests.field.title')} value={values.title} onChange={(e) => set('title', e.currentTarget.value)} error={fields.title} required autoFocus={mode !== 'onBehalf'} />
          <Textarea label={t('requests.field.description')} value={values.description} onChange={(e) => set('description', e.currentTarget.value)} error={fields.description} autosize minRows={3} />
          <SimpleGrid cols={2}>
            <Select
              label={t('requests.field.category')}
              value={values.category || null}
              onChange={(v) => set('category', v ?? '')}
              data={[...new Set([...categories, ...(values.category ? [values.category] : [])])]}
              error={fields.category}
              required
              allowDeselect={false}
            />
            <Select
              label={t('requests.field.assignee')}
              description={t('requests.field.assigneeHint')}
              value={values.assigneeId}
              onChange={(v) => set('assigneeId', v)}
              data={assignees.map((a) => ({ value: a.id, label: `${a.displayName} (${t(`roles.${a.role}`)})` }))}
              placeholder={t('requests.field.noAssignee')}
              error={fields.assigneeId}
              clearable
            />
          </SimpleGrid>
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('requests.field.priority')}
            </Text>
            <SegmentedControl
              value={values.priority}
              onChange={(v) => set('priority', v as RequestPriority)}
              data={REQUEST_PRIORITIES.map((p) => ({ value: p, label: t(`requests.priority.${p}`) }))}
              aria-label={t('requests.field.priority')}
            />
          </div>
          <Textarea
            label={t('requests.field.attachments')}
            description={t('requests.field.attachmentsHint')}
            value={values.attachments}
            onChange={(e) => set('attachments', e.currentTarget.value)}
            error={fields.attachments ?? Object.entries(fields).find(([k]) => k.startsWith('attachments.'))?.[1]}
            autosize
            minRows={2}
          />
          <ErrorNote error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('requests.action.saveDraft')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
