import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function LanguageSwitch({ size = 'sm' }: { size?: 'sm' | 'md' | 'lg' | 'xl' }) {
  const { i18n, t } = useTranslation();
  return (
    <SegmentedControl
      size={size}
      aria-label={t('app.language')}
      value={i18n.language.startsWith('es') ? 'es' : 'en'}
      onChange={(lng) => void i18n.changeLanguage(lng)}
      data={[
        { value: 'en', label: 'English' },
        { value: 'es', label: 'Español' },
      ]}
    />
  );
}
