import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../auth/context.ts';
import { useT } from '../../i18n/context.ts';
import { canSimulate } from './access.ts';

/** Switches between the policy pages: parameters and (for roles that may) the simulator. */
export function PolicyNav() {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const options = [{ value: '/policy', label: t('policy.nav.parameters') }];
  if (canSimulate(me.role)) options.push({ value: '/policy/simulator', label: t('policy.nav.simulator') });
  return <Segmented data-testid="policy-nav" options={options} value={pathname.startsWith('/policy/simulator') ? '/policy/simulator' : '/policy'} onChange={(v) => navigate(String(v))} />;
}
