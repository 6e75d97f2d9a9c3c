import { Alert, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { methods } from '../../../shared/contract';
import type { ErrorBody, FieldErrors } from '../../../shared/errors';
import { ITEM_CATEGORIES, type ItemCategory } from '../../../shared/lending/rules';
import { ErrorNote } from '../components/field-error';
import { call, useWatch } from '../lib/client';
import { checkFields } from '../lib/forms';
import { useSession } from '../lib/session';
import { BorrowStatusBadge, ItemStatusBadge, useDates } from './common';

/**
 * The customer's lending screens at the kiosk: big touch targets (1080×1920 portrait),
 * choices instead of typing where possible, only the signed-in person's own things.
 */

const BIG = { size: 'xl', radius: 'md' } as const;
const bigInput = { size: 'xl', styles: { label: { fontSize: 24, marginBottom: 8 }, error: { fontSize: 20 } } } as const;

/** Kiosk pages need a signed-in customer; without one they go back to the welcome page. */
function useCustomer(): boolean {
  const navigate = useNavigate();
  const session = useSession((s) => s.session);
  const ok = session?.role === 'customer';
  useEffect(() => {
    if (!ok) void navigate({ to: '/kiosk', replace: true });
  }, [ok, navigate]);
  return ok;
}

function KioskPage({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Stack gap={32} maw={960} mx="auto" w="100%">
      <Group justify="space-between" align="center">
        <Button {...BIG} h={72} fz={24} variant="default" onClick={() => void navigate({ to: '/kiosk/home' })}>
          ← {t('lending.kiosk.back')}
        </Button>
        {action}
      </Group>
      <Title order={1} fz={48}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** A big confirm-first button for the kiosk. */
function KioskConfirm({ label, message, onConfirm, color = 'red' }: { label: string; message: string; onConfirm: () => Promise<void>; color?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="lg" h={64} fz={22} variant="light" color={color} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} centered size="lg" withCloseButton={false}>
        <Stack gap="xl" p="md">
          <Text fz={28}>{message}</Text>
          <Group grow>
            <Button {...BIG} h={80} fz={26} variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              {...BIG}
              h={80}
              fz={26}
              color={color}
              onClick={async () => {
                await onConfirm();
                setOpen(false);
              }}
            >
              {t('common.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

export function KioskMyItems() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ok = useCustomer();
  const list = useWatch('lending.myItems', {}, ok);
  const [error, setError] = useState<ErrorBody | null>(null);
  if (!ok) return null;
  const items = list.data ?? [];
  return (
    <KioskPage
      title={t('lending.kiosk.myItems')}
      action={
        <Button {...BIG} h={72} fz={24} onClick={() => void navigate({ to: '/kiosk/lending/items/new' })}>
          {t('lending.kiosk.submitNew')}
        </Button>
      }
    >
      <ErrorNote error={error ?? list.error} large />
      {list.data && items.length === 0 && (
        <Text fz={28} c="dimmed">
          {t('lending.kiosk.myItemsEmpty')}
        </Text>
      )}
      {items.map((item) => (
        <Paper key={item.id} p={28} radius="lg" shadow="sm" data-testid="my-item">
          <Stack gap="sm">
            <Group justify="space-between" align="flex-start">
              <Stack gap={4}>
                <Text fz={32} fw={700}>
                  {item.name}
                </Text>
                <Text fz={22} c="dimmed">
                  {t(`lending.category.${item.category}`)}
                  {item.condition !== null && ` · ${t('lending.kiosk.condition', { value: item.condition })}`}
                </Text>
              </Stack>
              <ItemStatusBadge status={item.status} size="xl" />
            </Group>
            {['PENDING_VERIFICATION', 'AVAILABLE', 'RESERVED', 'REJECTED'].includes(item.status) && (
              <Group justify="flex-end">
                <KioskConfirm
                  label={t('lending.kiosk.withdraw')}
                  color="orange"
                  message={t('lending.kiosk.confirmWithdraw', { name: item.name })}
                  onConfirm={async () => {
                    const r = await call('lending.withdrawItem', { itemId: item.id });
                    setError(r.ok ? null : r.error);
                  }}
                />
              </Group>
            )}
          </Stack>
        </Paper>
      ))}
    </KioskPage>
  );
}

function CategoryButtons({ value, onChange, withAll = false }: { value: string; onChange: (v: string) => void; withAll?: boolean }) {
  const { t } = useTranslation();
  const options = [...(withAll ? [''] : []), ...ITEM_CATEGORIES];
  return (
    <SimpleGrid cols={withAll ? 5 : 3} spacing="sm" role="radiogroup" aria-label={t('lending.field.category')}>
      {options.map((c) => (
        <Button
          key={c || 'all'}
          role="radio"
          aria-checked={value === c}
          h={72}
          fz={20}
          px="xs"
          radius="md"
          variant={value === c ? 'filled' : 'default'}
          onClick={() => onChange(c)}
          styles={{ label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.15 } }}
        >
          {t(`lending.category.${c || 'all'}`)}
        </Button>
      ))}
    </SimpleGrid>
  );
}

export function KioskSubmitItem() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ok = useCustomer();
  const [form, setForm] = useState({ name: '', category: '', description: '' });
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<ErrorBody | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!ok) return null;
  /** Changing a field clears its message: what is left on screen is what still needs fixing. */
  const set = (key: keyof typeof form, value: string) => {
    setForm({ ...form, [key]: value });
    setFields(({ [key]: _fixed, ...rest }) => rest);
    setError(null);
  };
  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = checkFields(methods['lending.submitItem'].input, form);
    setFields(local);
    setError(Object.keys(local).length ? { code: 'VALIDATION', message: t('common.fixErrors') } : null);
    if (Object.keys(local).length) return;
    setBusy(true);
    const r = await call('lending.submitItem', { ...form, category: form.category as ItemCategory });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      setFields(r.error.fields ?? {});
      return;
    }
    setDone(r.value.name);
  }
  if (done) {
    return (
      <KioskPage title={t('lending.kiosk.submitTitle')}>
        <Alert color="teal" styles={{ message: { fontSize: 28 } }} role="status">
          {t('lending.kiosk.submitted', { name: done })}
        </Alert>
        <Button {...BIG} h={96} fz={30} onClick={() => void navigate({ to: '/kiosk/lending/items' })}>
          {t('lending.kiosk.myItems')}
        </Button>
      </KioskPage>
    );
  }
  return (
    <KioskPage title={t('lending.kiosk.submitTitle')}>
      <Paper p={40} radius="lg" shadow="sm">
        <form onSubmit={submit} noValidate>
          <Stack gap="xl">
            <Text fz={22} c="dimmed">
              {t('lending.kiosk.submitHint')}
            </Text>
            <TextInput {...bigInput} label={t('lending.field.name')} value={form.name} onChange={(e) => set('name', e.currentTarget.value)} error={fields.name} autoComplete="off" />
            <Stack gap={8}>
              <Text fz={24}>{t('lending.field.category')}</Text>
              <CategoryButtons value={form.category} onChange={(category) => set('category', category)} />
              {fields.category && (
                <Text c="red" fz={20} role="alert">
                  {fields.category}
                </Text>
              )}
            </Stack>
            <Textarea {...bigInput} label={`${t('lending.field.description')} (${t('common.optional')})`} value={form.description} onChange={(e) => set('description', e.currentTarget.value)} error={fields.description} autosize minRows={2} />
            <ErrorNote error={error} large />
            <Button type="submit" {...BIG} h={96} fz={32} loading={busy}>
              {t('lending.kiosk.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </KioskPage>
  );
}

export function KioskBrowse() {
  const { t } = useTranslation();
  const ok = useCustomer();
  const [category, setCategory] = useState('');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const list = useWatch('lending.availableItems', { category: category as ItemCategory | '', search: debounced, limit: 60 }, ok);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (!ok) return null;
  const rows = list.data?.rows ?? [];
  return (
    <KioskPage title={t('lending.kiosk.browseTitle')}>
      <CategoryButtons value={category} onChange={setCategory} withAll />
      <TextInput {...bigInput} label={t('lending.kiosk.searchLabel')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} autoComplete="off" />
      {notice && (
        <Alert color="teal" styles={{ message: { fontSize: 24 } }} role="status" withCloseButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <ErrorNote error={error ?? list.error} large />
      {list.data && rows.length === 0 && (
        <Text fz={28} c="dimmed">
          {t('lending.kiosk.browseEmpty')}
        </Text>
      )}
      <Stack gap="md">
        {rows.map((item) => (
          <Paper key={item.id} p={28} radius="lg" shadow="sm" data-testid="available-item">
            <Group justify="space-between" wrap="nowrap" align="center">
              <Stack gap={4} style={{ flex: 1 }}>
                <Text fz={30} fw={700}>
                  {item.name}
                </Text>
                <Text fz={20} c="dimmed">
                  {t(`lending.category.${item.category}`)}
                  {item.condition !== null && ` · ${t('lending.kiosk.condition', { value: item.condition })}`}
                </Text>
                {item.description && (
                  <Text fz={20} lineClamp={2}>
                    {item.description}
                  </Text>
                )}
              </Stack>
              {item.yours ? (
                <Badge size="xl" variant="light" color="gray">
                  {t('lending.kiosk.yours')}
                </Badge>
              ) : item.requested ? (
                <Badge size="xl" variant="light" color="violet">
                  {t('lending.kiosk.requested')}
                </Badge>
              ) : (
                <Button
                  {...BIG}
                  h={80}
                  fz={24}
                  onClick={async () => {
                    const r = await call('lending.requestBorrow', { itemId: item.id });
                    if (!r.ok) return setError(r.error);
                    setError(null);
                    setNotice(t('lending.kiosk.requestSent', { name: item.name }));
                  }}
                >
                  {t('lending.kiosk.requestBorrow')}
                </Button>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      {list.data?.more && (
        <Text fz={22} c="dimmed">
          {t('lending.kiosk.more')}
        </Text>
      )}
    </KioskPage>
  );
}

export function KioskMyLoans() {
  const { t } = useTranslation();
  const { date } = useDates();
  const ok = useCustomer();
  const list = useWatch('lending.myLoans', {}, ok);
  const [error, setError] = useState<ErrorBody | null>(null);
  if (!ok) return null;
  const rows = list.data ?? [];
  return (
    <KioskPage title={t('lending.kiosk.loansTitle')}>
      <ErrorNote error={error ?? list.error} large />
      {list.data && rows.length === 0 && (
        <Text fz={28} c="dimmed">
          {t('lending.kiosk.loansEmpty')}
        </Text>
      )}
      {rows.map((r) => (
        <Paper key={r.id} p={28} radius="lg" shadow="sm" data-testid="my-loan">
          <Stack gap="sm">
            <Group justify="space-between" align="flex-start">
              <Text fz={32} fw={700}>
                {r.itemName}
              </Text>
              <BorrowStatusBadge status={r.status} size="xl" />
            </Group>
            {r.status === 'CHECKED_OUT' && r.dueAt && (
              <Text fz={30} fw={600} c={r.daysOverdue > 0 ? 'red' : undefined} data-testid="due-date">
                {t('lending.kiosk.dueOn', { date: date(r.dueAt) })}
              </Text>
            )}
            {r.status === 'CHECKED_OUT' && r.daysOverdue > 0 && (
              <Text fz={26} c="red" fw={700}>
                {t('lending.kiosk.overdueBy', { count: r.daysOverdue })}
              </Text>
            )}
            {r.status === 'APPROVED' && <Text fz={24}>{t('lending.kiosk.collect')}</Text>}
            {r.status === 'RETURNED' && <Text fz={22} c="dimmed">{t('lending.kiosk.returnedOn', { date: date(r.returnedAt) })}</Text>}
            {r.status === 'DENIED' && r.reason && (
              <Text fz={24} data-testid="deny-reason">
                {t('lending.kiosk.reason', { reason: r.reason })}
              </Text>
            )}
            {(r.status === 'PENDING' || r.status === 'APPROVED') && (
              <Group justify="flex-end">
                <KioskConfirm
                  label={t('lending.kiosk.cancel')}
                  color="gray"
                  message={t('lending.kiosk.confirmCancel', { name: r.itemName })}
                  onConfirm={async () => {
                    const res = await call('lending.cancelBorrow', { requestId: r.id });
                    setError(res.ok ? null : res.error);
                  }}
                />
              </Group>
            )}
          </Stack>
        </Paper>
      ))}
    </KioskPage>
  );
}
