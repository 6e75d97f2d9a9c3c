import { Alert, Badge, Button, Group, List, Paper, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { methods, type MethodOutput } from '../../../shared/contract';
import type { Person } from '../../../shared/contract/entities';
import type { ErrorBody, FieldErrors } from '../../../shared/errors';
import { call } from '../lib/client';
import { checkFields } from '../lib/forms';
import { ErrorNote } from '../components/field-error';

type Duplicates = MethodOutput<'people.findDuplicates'>;
const EMPTY = { name: '', email: '', phone: '', address: '' };

/** Warns, while the form is filled, about people who may be the same person. */
function DuplicateWarning({ values, excludeId }: { values: typeof EMPTY; excludeId?: string }) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(values, 300);
  const [dupes, setDupes] = useState<Duplicates>([]);
  useEffect(() => {
    if (!debounced.name && !debounced.email && !debounced.phone) {
      setDupes([]);
      return;
    }
    let live = true;
    void call('people.findDuplicates', { name: debounced.name, email: debounced.email, phone: debounced.phone, ...(excludeId ? { excludeId } : {}) }).then((r) => {
      if (live && r.ok) setDupes(r.value);
    });
    return () => {
      live = false;
    };
  }, [debounced, excludeId]);
  if (dupes.length === 0) return null;
  return (
    <Alert color="yellow" title={t('people.duplicatesTitle')} data-testid="duplicate-warning">
      {t('people.duplicatesHint')}
      <List mt="xs" size="sm">
        {dupes.map((d) => (
          <List.Item key={d.person.id}>
            <Link to="/staff/people/$personId" params={{ personId: d.person.id }}>
              {d.person.name}
            </Link>{' '}
            {d.person.email} {d.person.phone}{' '}
            {d.reasons.map((r) => (
              <Badge key={r} size="xs" color="yellow" variant="light" ml={4}>
                {t(`people.reason.${r}`)}
              </Badge>
            ))}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function PersonForm({ initial, personId }: { initial: typeof EMPTY; personId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState(initial);
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof EMPTY) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValues({ ...values, [k]: e.currentTarget.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = checkFields(methods['people.create'].input, values);
    setFields(local);
    setError(Object.keys(local).length ? { code: 'VALIDATION', message: t('common.fixErrors') } : null);
    if (Object.keys(local).length) return;
    setBusy(true);
    const r = personId ? await call('people.update', { id: personId, ...values }) : await call('people.create', values);
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      setFields(r.error.fields ?? {});
      return;
    }
    await navigate({ to: '/staff/people/$personId', params: { personId: r.value.id } });
  }

  return (
    <Paper withBorder p="lg" maw={640}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('common.name')} value={values.name} onChange={set('name')} error={fields.name} required autoFocus />
          <TextInput label={t('common.email')} value={values.email} onChange={set('email')} error={fields.email} type="email" />
          <TextInput label={t('common.phone')} description={t('people.phoneHint')} value={values.phone} onChange={set('phone')} error={fields.phone} type="tel" />
          <Textarea label={t('common.address')} value={values.address} onChange={set('address')} error={fields.address} autosize minRows={2} />
          {!personId && <DuplicateWarning values={values} />}
          <ErrorNote error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => history.back()}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function PersonCreate() {
  const { t } = useTranslation();
  return (
    <>
      <Title order={2} mb="md">
        {t('people.newTitle')}
      </Title>
      <PersonForm initial={EMPTY} />
    </>
  );
}

export function PersonEdit() {
  const { t } = useTranslation();
  const { personId } = useParams({ from: '/staff/people/$personId/edit' });
  const [person, setPerson] = useState<Person | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  useEffect(() => {
    void call('people.get', { id: personId }).then((r) => (r.ok ? setPerson(r.value) : setError(r.error)));
  }, [personId]);
  if (error) return <ErrorNote error={error} />;
  if (!person) return null;
  return (
    <>
      <Title order={2} mb="md">
        {t('people.editTitle', { name: person.name })}
      </Title>
      <PersonForm initial={{ name: person.name, email: person.email, phone: person.phone, address: person.address }} personId={person.id} />
    </>
  );
}
