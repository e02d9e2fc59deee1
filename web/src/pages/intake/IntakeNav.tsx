import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';

/** Switches between the intake pages the user may open: requests, referrals, overdue, complaints. */
export function IntakeNav() {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const options: { value: string; label: string }[] = [];
  if (can(me, 'intake.read')) options.push({ value: '/intake', label: t('intake.nav.requests') });
  if (can(me, 'intake.referrals')) {
    options.push({ value: '/intake/referrals', label: t('intake.nav.referrals') });
    options.push({ value: '/intake/overdue', label: t('intake.nav.overdue') });
  }
  if (can(me, 'complaints.read')) options.push({ value: '/intake/complaints', label: t('intake.nav.complaints') });
  const current = [...options].sort((a, b) => b.value.length - a.value.length).find((o) => pathname === o.value || pathname.startsWith(`${o.value}/`));
  return (
    <Segmented
      data-testid="intake-nav"
      style={{ marginBottom: 16 }}
      options={options}
      value={current?.value ?? '/intake'}
      onChange={(v) => navigate(String(v))}
    />
  );
}
