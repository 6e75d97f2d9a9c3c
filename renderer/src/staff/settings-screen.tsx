import { Alert, Button, NumberInput, Paper, Stack, Textarea, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { methods } from '../../../shared/contract';
import type { ErrorBody, FieldErrors } from '../../../shared/errors';
import { call } from '../lib/client';
import { checkFields } from '../lib/forms';
import { ErrorNote } from '../components/field-error';

export function SettingsScreen() {
  const { t } = useTranslation();
  const [loanDays, setLoanDays] = useState<number | string>('');
  const [categories, setCategories] = useState('');
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<ErrorBody | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void call('settings.get', {}).then((r) => {
      if (!r.ok) return setError(r.error);
      setLoanDays(r.value.loanDays);
      setCategories(r.value.requestCategories.join('\n'));
    });
  }, []);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const input = { loanDays: Number(loanDays), requestCategories: categories.split('\n').map((c) => c.trim()).filter(Boolean) };
    const local = checkFields(methods['settings.update'].input, input);
    setFields(local);
    if (Object.keys(local).length) return;
    const r = await call('settings.update', input);
    if (!r.ok) {
      setError(r.error);
      setFields(r.error.fields ?? {});
      return;
    }
    setError(null);
    setSaved(true);
  }
  return (
    <>
      <Title order={2} mb="md">
        {t('settings.title')}
      </Title>
      <Paper withBorder p="lg" maw={560}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <NumberInput label={t('settings.loanDays')} description={t('settings.loanDaysHint')} value={loanDays} onChange={setLoanDays} min={1} max={365} error={fields.loanDays} />
            <Textarea label={t('settings.requestCategories')} description={t('settings.requestCategoriesHint')} value={categories} onChange={(e) => setCategories(e.currentTarget.value)} autosize minRows={4} error={fields.requestCategories ?? Object.entries(fields).find(([k]) => k.startsWith('requestCategories.'))?.[1]} />
            <ErrorNote error={error && !error.fields ? error : null} />
            {saved && <Alert color="teal">{t('settings.saved')}</Alert>}
            <Button type="submit" w="fit-content">
              {t('common.save')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
