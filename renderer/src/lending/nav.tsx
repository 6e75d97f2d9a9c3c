import { Button, NavLink, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** Lending's entry in the front-desk navigation (its sub-screens are tabs on the Lending page). */
export function LendingNav({ path }: { path: string }) {
  const { t } = useTranslation();
  return <NavLink component={Link} to="/staff/lending" label={t('lending.nav')} active={path.startsWith('/staff/lending')} activeProps={{}} />;
}

/** Lending's tiles on the signed-in customer's kiosk home. */
export function LendingKioskTiles() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tiles = [
    { to: '/kiosk/lending/browse', title: t('lending.kiosk.tileBorrow'), hint: t('lending.kiosk.tileBorrowHint'), color: 'blue' },
    { to: '/kiosk/lending/loans', title: t('lending.kiosk.tileLoans'), hint: t('lending.kiosk.tileLoansHint'), color: 'violet' },
    { to: '/kiosk/lending/items', title: t('lending.kiosk.tileLend'), hint: t('lending.kiosk.tileLendHint'), color: 'teal' },
  ] as const;
  return (
    <SimpleGrid cols={1} spacing="lg">
      {tiles.map((tile) => (
        <Button key={tile.to} h={140} radius="lg" color={tile.color} onClick={() => void navigate({ to: tile.to })} styles={{ label: { width: '100%' } }} aria-label={tile.title}>
          <Stack gap={4} align="flex-start" w="100%">
            <Text fz={36} fw={700} c="white">
              {tile.title}
            </Text>
            <Text fz={22} c="white" style={{ opacity: 0.9 }}>
              {tile.hint}
            </Text>
          </Stack>
        </Button>
      ))}
    </SimpleGrid>
  );
}
