import { Button, Group, Modal, Text, type ButtonProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Every destructive action asks first. `touch` sizes the button, dialog and text for the
 * kiosk's touch screen.
 */
export function ConfirmButton(props: {
  label: string;
  message: string;
  onConfirm: () => Promise<void> | void;
  color?: string;
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
  touch?: { h: number; fz: number };
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const big = props.touch ?? {};
  return (
    <>
      <Button color={props.color ?? 'red'} variant={props.variant ?? 'light'} size={props.size} {...big} onClick={() => setOpen(true)}>
        {props.label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={props.label} centered size={props.touch ? 'xl' : 'md'} styles={props.touch ? { title: { fontSize: 30, fontWeight: 700 } } : undefined}>
        <Text mb="md" fz={props.touch ? 26 : undefined}>
          {props.message}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" size={props.size} {...big} onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            color={props.color ?? 'red'}
            size={props.size}
            {...big}
            loading={busy}
            data-autofocus
            onClick={async () => {
              setBusy(true);
              try {
                await props.onConfirm();
              } finally {
                setBusy(false);
                setOpen(false);
              }
            }}
          >
            {t('common.confirm')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
