import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../components/confirm';
import { methods, type MethodOutput } from '../../../shared/contract';
import type { GeneralRequest, TrailEntry } from '../../../shared/contract/requests';
import type { Envelope, ErrorBody, FieldErrors } from '../../../shared/errors';
import { ErrorNote } from '../components/field-error';
import { call, useWatch } from '../lib/client';
import { checkFields } from '../lib/forms';
import { translateMessage } from '../i18n/messages';

/** Pieces both surfaces use: status badges, the decision, the trail, and the action buttons. */

export type RequestState = GeneralRequest['status'] | 'DELETED';
export const stateOf = (r: Pick<GeneralRequest, 'status' | 'deleted'>): RequestState => (r.deleted ? 'DELETED' : r.status);

const STATUS_COLOR: Record<RequestState, string> = {
  DRAFT: 'gray',
  SUBMITTED: 'blue',
  APPROVED: 'teal',
  REJECTED: 'red',
  WITHDRAWN: 'yellow',
  DELETED: 'dark',
};

export function RequestStatusBadge({ request, size = 'md' }: { request: Pick<GeneralRequest, 'status' | 'deleted'>; size?: 'md' | 'lg' | 'xl' }) {
  const { t } = useTranslation();
  const state = stateOf(request);
  return (
    <Badge color={STATUS_COLOR[state]} variant="light" size={size} data-testid="request-status" styles={size === 'xl' ? { root: { fontSize: 20, height: 44, paddingInline: 18, flexShrink: 0 } } : undefined}>
      {t(`requests.status.${state}`)}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: GeneralRequest['priority'] }) {
  const { t } = useTranslation();
  if (priority === 'normal') return null;
  return (
    <Badge color={priority === 'high' ? 'orange' : 'gray'} variant="outline">
      {t(`requests.priority.${priority}`)}
    </Badge>
  );
}

export function useDate() {
  const { i18n } = useTranslation();
  return (ms: number | null | undefined) => (ms ? new Date(ms).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
}

/** Where the request stands, in a sentence: waiting since, decided by whom and when, and why. */
export function DecisionNote({ request, large = false }: { request: GeneralRequest; large?: boolean }) {
  const { t } = useTranslation();
  const date = useDate();
  const fz = large ? 24 : undefined;
  const state = stateOf(request);
  if (state === 'APPROVED' || state === 'REJECTED') {
    return (
      <Alert color={state === 'APPROVED' ? 'teal' : 'red'} variant="light" data-testid="decision" styles={large ? { message: { fontSize: 24 } } : undefined}>
        <Text fz={fz} fw={600}>
          {t(state === 'APPROVED' ? 'requests.decision.approved' : 'requests.decision.rejected', { name: request.decidedByName ?? '—', date: date(request.decidedAt) })}
        </Text>
        {request.reason && (
          <Text fz={fz} data-testid="decision-reason">
            {t('requests.decision.reason', { reason: request.reason })}
          </Text>
        )}
      </Alert>
    );
  }
  const text =
    state === 'SUBMITTED'
      ? t('requests.decision.waiting', { date: date(request.submittedAt) })
      : state === 'WITHDRAWN'
        ? t('requests.decision.withdrawn', { date: date(request.withdrawnAt) })
        : state === 'DELETED'
          ? t('requests.decision.deleted', { date: date(request.deletedAt) })
          : t('requests.decision.draft');
  return (
    <Text fz={fz} c="dimmed" data-testid="decision">
      {text}
    </Text>
  );
}

/** The request's own audit trail, each entry checked against the chain. */
export function Trail({ requestId, canVerifyChain = false, large = false }: { requestId: string; canVerifyChain?: boolean; large?: boolean }) {
  const { t, i18n } = useTranslation();
  const date = useDate();
  const trail = useWatch('requests.trail', { id: requestId });
  const [chain, setChain] = useState<MethodOutput<'audit.verify'> | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const entries = trail.data?.entries ?? [];
  const fz = large ? 20 : 'sm';
  const actLabel = (action: string) => {
    const short = action.replace(/^request\./, '');
    return t(`requests.trail.act.${short}`, { defaultValue: action });
  };
  const stateLabel = (s: string | null) => (s ? t(`requests.status.${s}`, { defaultValue: s }) : '—');
  const transitionLabel = (e: TrailEntry) => (e.from === null || e.from === e.to ? stateLabel(e.to) : `${stateLabel(e.from)} → ${stateLabel(e.to)}`);
  const detailLabel = (e: TrailEntry) =>
    e.reason
      ? t('requests.decision.reason', { reason: e.reason })
      : e.changed.length
        ? t('requests.trail.changed', { fields: e.changed.map((f) => t(`requests.field.${f === 'assigneeId' ? 'assignee' : f}`)).join(', ') })
        : '';
  return (
    <Paper withBorder p={large ? 'xl' : 'md'} radius={large ? 'lg' : undefined}>
      <Group justify="space-between" mb="xs">
        <Title order={large ? 2 : 4}>{t('requests.trail.title')}</Title>
        {trail.data && (
          <Badge color={trail.data.intact ? 'teal' : 'red'} variant="light" size={large ? 'xl' : 'md'} data-testid="trail-intact">
            {trail.data.intact ? t('requests.trail.intact') : t('requests.trail.broken')}
          </Badge>
        )}
      </Group>
      <ErrorNote error={trail.error ?? error} />
      {entries.length === 0 ? (
        <Text c="dimmed">{t('requests.trail.empty')}</Text>
      ) : large ? (
        <Stack gap="md">
          {entries.map((e) => (
            <Paper key={e.id} withBorder p="md" radius="md" data-testid="trail-row">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={2}>
                  <Text fz={24} fw={600}>
                    {actLabel(e.action)} · {transitionLabel(e)}
                  </Text>
                  <Text fz={20} c="dimmed">
                    {e.actorName} · {date(e.at)}
                  </Text>
                  {detailLabel(e) && <Text fz={20}>{detailLabel(e)}</Text>}
                </Stack>
                <Text fz={24} c={e.verified ? 'teal' : 'red'} title={e.verified ? t('requests.trail.verified') : t('requests.trail.notVerified')}>
                  {e.verified ? '✓' : '✗'}
                </Text>
              </Group>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table striped fz={fz} verticalSpacing={large ? 'md' : 'xs'}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('requests.trail.when')}</Table.Th>
              <Table.Th>{t('requests.trail.who')}</Table.Th>
              <Table.Th>{t('requests.trail.what')}</Table.Th>
              <Table.Th>{t('requests.trail.state')}</Table.Th>
              <Table.Th>{t('requests.trail.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.id} data-testid="trail-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(e.at)}</Table.Td>
                <Table.Td>{e.actorName}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text fz={fz} fw={500}>
                      {actLabel(e.action)}
                    </Text>
                    <Text fz="xs" c={e.verified ? 'teal' : 'red'} title={e.verified ? t('requests.trail.verified') : t('requests.trail.notVerified')}>
                      {e.verified ? '✓' : '✗'}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td>{transitionLabel(e)}</Table.Td>
                <Table.Td>{detailLabel(e)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canVerifyChain && (
        <Group mt="sm">
          <Button
            variant="light"
            size="xs"
            onClick={async () => {
              const r = await call('audit.verify', {});
              if (r.ok) setChain(r.value);
              else setError(r.error);
            }}
          >
            {t('requests.trail.verifyAll')}
          </Button>
          {chain && (
            <Text size="sm" c={chain.ok ? 'teal' : 'red'} data-testid="chain-result">
              {chain.ok ? t('requests.trail.verifyOk', { checked: chain.checked }) : t('requests.trail.verifyBroken', { seq: chain.broken?.seq, reason: translateMessage(chain.broken?.reason ?? '', i18n.language) })}
            </Text>
          )}
        </Group>
      )}
    </Paper>
  );
}

/**
 * The controls for what the caller may do now (the core says which: `allowed`). Every
 * action that cannot be undone asks first; rejecting asks for the reason.
 */
export function RequestActions({ request, onEdit, onDone, large = false }: { request: GeneralRequest; onEdit: () => void; onDone?: (r: GeneralRequest, action: string) => void; large?: boolean }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ErrorBody | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [fields, setFields] = useState<FieldErrors>({});
  const can = (a: GeneralRequest['allowed'][number]) => request.allowed.includes(a);
  const size = large ? 'xl' : 'sm';
  const touch = large ? { h: 88, fz: 28 } : undefined;
  const big = touch ?? {};

  const run = async (action: string, r: Promise<Envelope<GeneralRequest>>) => {
    const result = await r;
    if (!result.ok) {
      setError(result.error);
      setFields(result.error.fields ?? {});
      return;
    }
    setError(null);
    setFields({});
    setRejecting(false);
    onDone?.(result.value, action);
  };

  if (request.allowed.length === 0) return null;
  return (
    <Stack gap="sm">
      <Group gap="sm">
        {can('edit') && (
          <Button size={size} {...big} onClick={onEdit}>
            {t('requests.action.edit')}
          </Button>
        )}
        {can('submit') && (
          <ConfirmButton touch={touch} label={t('requests.action.submit')} color="blue" variant="filled" size={size} message={t('requests.confirm.submit', { title: request.title })} onConfirm={() => run('submit', call('requests.submit', { id: request.id }))} />
        )}
        {can('approve') && (
          <ConfirmButton touch={touch} label={t('requests.action.approve')} color="teal" variant="filled" size={size} message={t('requests.confirm.approve', { title: request.title })} onConfirm={() => run('approve', call('requests.approve', { id: request.id }))} />
        )}
        {can('reject') && !rejecting && (
          <Button color="red" variant="light" size={size} {...big} onClick={() => setRejecting(true)}>
            {t('requests.action.reject')}
          </Button>
        )}
        {can('withdraw') && (
          <ConfirmButton touch={touch} label={t('requests.action.withdraw')} color="orange" size={size} message={t('requests.confirm.withdraw', { title: request.title })} onConfirm={() => run('withdraw', call('requests.withdraw', { id: request.id }))} />
        )}
        {can('delete') && (
          <ConfirmButton touch={touch} label={t('requests.action.delete')} size={size} message={t('requests.confirm.delete', { title: request.title })} onConfirm={() => run('delete', call('requests.deleteDraft', { id: request.id }))} />
        )}
        {can('restore') && (
          <Button color="teal" variant="light" size={size} {...big} onClick={() => void run('restore', call('requests.restore', { id: request.id }))}>
            {t('requests.action.restore')}
          </Button>
        )}
      </Group>
      {rejecting && (
        <Paper withBorder p="md" data-testid="reject-box">
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const input = { id: request.id, reason };
              const local = checkFields(methods['requests.reject'].input, input);
              setFields(local);
              if (Object.keys(local).length) return;
              void run('reject', call('requests.reject', input));
            }}
          >
            <Stack gap="sm">
              <Textarea label={t('requests.reject.reasonLabel')} description={t('requests.reject.reasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fields.reason} autosize minRows={2} required data-autofocus />
              <Group>
                <Button type="submit" color="red">
                  {t('requests.reject.confirm')}
                </Button>
                <Button variant="default" onClick={() => setRejecting(false)}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
      <ErrorNote error={error && !(error.fields && Object.keys(error.fields).every((k) => k === 'reason')) ? error : null} large={large} />
    </Stack>
  );
}
