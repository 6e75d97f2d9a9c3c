import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title, UnstyledButton } from '@mantine/core';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { methods } from '../../../shared/contract';
import type { GeneralRequest } from '../../../shared/contract/requests';
import type { Envelope, ErrorBody, FieldErrors } from '../../../shared/errors';
import { REQUEST_PRIORITIES } from '../../../shared/requests/rules';
import { ErrorNote } from '../components/field-error';
import { call, useWatch } from '../lib/client';
import { checkFields } from '../lib/forms';
import { useSession } from '../lib/session';
import { DecisionNote, RequestActions, RequestStatusBadge, Trail, useDate } from './parts';
import { EMPTY_DRAFT, draftOf, toInput, useCategories, type DraftValues } from './request-form';

/** Kiosk: a signed-in customer's own requests. Big targets; portrait 1080×1920. */

const BIG = { size: 'xl', radius: 'md' } as const;
const bigInput = { size: 'xl', styles: { label: { fontSize: 24, marginBottom: 8 }, error: { fontSize: 20 }, description: { fontSize: 18 } } } as const;

/** Back to the welcome page when nobody is signed in (the kiosk resets on Done or inactivity). */
function useCustomer() {
  const navigate = useNavigate();
  const session = useSession((s) => s.session);
  useEffect(() => {
    if (!session || session.role !== 'customer') void navigate({ to: '/kiosk', replace: true });
  }, [session, navigate]);
  return session?.role === 'customer' ? session : null;
}

export function KioskRequests() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useCustomer();
  const date = useDate();
  const mine = useWatch('requests.mine', {}, Boolean(session));
  if (!session) return null;
  const rows = mine.data?.rows ?? [];
  return (
    <Stack gap="xl" maw={940} mx="auto" w="100%">
      <Group justify="space-between">
        <Title order={1} fz={48}>
          {t('requests.kiosk.title')}
        </Title>
        <Button {...BIG} h={80} fz={26} variant="default" onClick={() => void navigate({ to: '/kiosk/home' })}>
          {t('common.back')}
        </Button>
      </Group>
      <Button {...BIG} h={110} fz={34} onClick={() => void navigate({ to: '/kiosk/requests/new' })}>
        {t('requests.kiosk.new')}
      </Button>
      <ErrorNote error={mine.error} large />
      {mine.data && rows.length === 0 && (
        <Text fz={26} c="dimmed">
          {t('requests.kiosk.empty')}
        </Text>
      )}
      {rows.map((r) => (
        <UnstyledButton key={r.id} onClick={() => void navigate({ to: '/kiosk/requests/$requestId', params: { requestId: r.id } })} data-testid="kiosk-request">
          <Paper p={28} radius="lg" shadow="sm" withBorder>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={6}>
                <Text fz={30} fw={700}>
                  {r.title}
                </Text>
                <Text fz={22} c="dimmed">
                  {r.category} · {date(r.createdAt)}
                </Text>
                {r.status === 'REJECTED' && r.reason && (
                  <Text fz={22} c="red.8">
                    {t('requests.decision.reason', { reason: r.reason })}
                  </Text>
                )}
                {r.onBehalf && (
                  <Text fz={20} c="dimmed">
                    {t('requests.kiosk.madeAtDesk')}
                  </Text>
                )}
              </Stack>
              <RequestStatusBadge request={r} size="xl" />
            </Group>
          </Paper>
        </UnstyledButton>
      ))}
    </Stack>
  );
}

function KioskRequestForm({ initial, requestId }: { initial: DraftValues; requestId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const categories = useCategories();
  const [values, setValues] = useState(initial);
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof DraftValues>(k: K, v: DraftValues[K]) => setValues((old) => ({ ...old, [k]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = toInput(values);
    const local = checkFields(methods['requests.createDraft'].input, input);
    setFields(local);
    setError(Object.keys(local).length ? { code: 'VALIDATION', message: t('common.fixErrors') } : null);
    if (Object.keys(local).length) return;
    setBusy(true);
    const r: Envelope<GeneralRequest> = requestId ? await call('requests.updateDraft', { id: requestId, ...input }) : await call('requests.createDraft', input);
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      setFields(r.error.fields ?? {});
      return;
    }
    await navigate({ to: '/kiosk/requests/$requestId', params: { requestId: r.value.id }, replace: Boolean(requestId) });
  }

  return (
    <Paper p={40} radius="lg" shadow="sm" maw={940} mx="auto" w="100%">
      <form onSubmit={submit} noValidate>
        <Stack gap="xl">
          <Title order={1}>{requestId ? t('requests.editTitle') : t('requests.newTitle')}</Title>
          <TextInput {...bigInput} label={t('requests.field.title')} value={values.title} onChange={(e) => set('title', e.currentTarget.value)} error={fields.title} autoComplete="off" />
          <Textarea {...bigInput} label={t('requests.field.description')} value={values.description} onChange={(e) => set('description', e.currentTarget.value)} error={fields.description} autosize minRows={3} autoComplete="off" />
          <Stack gap="sm" role="radiogroup" aria-label={t('requests.field.category')}>
            <Text fz={24} fw={700}>
              {t('requests.field.category')}
            </Text>
            <SimpleGrid cols={2} spacing="md">
              {categories.map((c) => (
                <Button
                  key={c}
                  role="radio"
                  aria-checked={values.category === c}
                  h={84}
                  fz={26}
                  radius="md"
                  variant={values.category === c ? 'filled' : 'default'}
                  onClick={() => set('category', c)}
                >
                  {c}
                </Button>
              ))}
            </SimpleGrid>
            {fields.category && (
              <Text c="red" fz={20}>
                {fields.category}
              </Text>
            )}
          </Stack>
          <Stack gap="sm" role="radiogroup" aria-label={t('requests.field.priority')}>
            <Text fz={24} fw={700}>
              {t('requests.field.priority')}
            </Text>
            <SimpleGrid cols={3} spacing="md">
              {REQUEST_PRIORITIES.map((p) => (
                <Button key={p} role="radio" aria-checked={values.priority === p} h={76} fz={24} radius="md" variant={values.priority === p ? 'filled' : 'default'} onClick={() => set('priority', p)}>
                  {t(`requests.priority.${p}`)}
                </Button>
              ))}
            </SimpleGrid>
          </Stack>
          <ErrorNote error={error} large />
          <Group grow>
            <Button {...BIG} h={96} fz={30} variant="default" onClick={() => history.back()}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" {...BIG} h={96} fz={30} loading={busy}>
              {t('requests.action.saveDraft')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function KioskRequestNew() {
  const session = useCustomer();
  if (!session) return null;
  return <KioskRequestForm initial={EMPTY_DRAFT} />;
}

export function KioskRequestEdit() {
  const session = useCustomer();
  const { requestId } = useParams({ from: '/kiosk/requests/$requestId/edit' });
  const got = useWatch('requests.get', { id: requestId }, Boolean(session));
  const [initial, setInitial] = useState<GeneralRequest | null>(null);
  if (!initial && got.data) setInitial(got.data);
  if (!session) return null;
  if (!initial) return <ErrorNote error={got.error} large />;
  return <KioskRequestForm initial={draftOf(initial)} requestId={requestId} />;
}

export function KioskRequestDetail() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useCustomer();
  const date = useDate();
  const { requestId } = useParams({ from: '/kiosk/requests/$requestId' });
  const got = useWatch('requests.get', { id: requestId }, Boolean(session));
  if (!session) return null;
  const r = got.data;
  const back = () => void navigate({ to: '/kiosk/requests' });
  if (!r) {
    return (
      <Stack maw={940} mx="auto" w="100%">
        <ErrorNote error={got.error} large />
        <Button {...BIG} h={88} fz={28} variant="default" onClick={back}>
          {t('requests.kiosk.back')}
        </Button>
      </Stack>
    );
  }
  return (
    <Stack gap="xl" maw={940} mx="auto" w="100%">
      <Button {...BIG} h={80} fz={26} variant="default" onClick={back} w="fit-content">
        {t('requests.kiosk.back')}
      </Button>
      <Paper p={36} radius="lg" shadow="sm">
        <Stack gap="lg">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Title order={1} fz={44}>
              {r.title}
            </Title>
            <RequestStatusBadge request={r} size="xl" />
          </Group>
          <Group gap="md">
            <Badge size="xl" variant="outline">
              {r.category}
            </Badge>
            <Badge size="xl" variant="outline" color="gray">
              {t('requests.field.priority')}: {t(`requests.priority.${r.priority}`)}
            </Badge>
          </Group>
          {r.description && (
            <Text fz={26} style={{ whiteSpace: 'pre-wrap' }}>
              {r.description}
            </Text>
          )}
          <Text fz={20} c="dimmed">
            {t('requests.field.created')}: {date(r.createdAt)}
            {r.onBehalf ? ` · ${t('requests.kiosk.madeAtDesk')}` : ''}
          </Text>
          <DecisionNote request={r} large />
          {r.allowed.includes('withdraw') && (
            <Text fz={22} c="dimmed">
              {t('requests.kiosk.withdrawHint')}
            </Text>
          )}
          <RequestActions request={r} large onEdit={() => void navigate({ to: '/kiosk/requests/$requestId/edit', params: { requestId: r.id } })} onDone={(_n, action) => action === 'delete' && back()} />
        </Stack>
      </Paper>
      <Trail requestId={r.id} large />
    </Stack>
  );
}
