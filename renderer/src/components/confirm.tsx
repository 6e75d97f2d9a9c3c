import { Button, Group, Modal, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Every destructive action asks first. */
export function ConfirmButton(props: { label: string; message: string; onConfirm: () => Promise<void> | void; color?: string; variant?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button color={props.color ?? 'red'} variant={props.variant ?? 'light'} onClick={() => setOpen(true)}>
        {props.label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={props.label} centered>
        <Text mb="md">{props.message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            color={props.color ?? 'red'}
            loading={busy}
            data-autofocus
            onClick={async () => {
              setBusy(true);
              await props.onConfirm();
              setBusy(false);
              setOpen(false);
            }}
          >
            {t('common.confirm')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
