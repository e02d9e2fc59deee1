import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/context.ts';

/** Switches between the verification pages: rescreen results, favouritism, cross checks, partner data. */
export function VerificationNav() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const options = [
    { value: '/verification', label: t('verification.nav.rescreen') },
    { value: '/verification/favouritism', label: t('verification.nav.favouritism') },
    { value: '/verification/cross-checks', label: t('verification.nav.crossChecks') },
    { value: '/verification/sources', label: t('verification.nav.sources') },
  ];
  return <Segmented data-testid="verification-nav" style={{ marginBottom: 16 }} options={options} value={options.find((o) => o.value === pathname)?.value ?? '/verification'} onChange={(v) => navigate(String(v))} />;
}
