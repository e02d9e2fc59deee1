import { useSelectedArea } from '../area/context.ts';
import { useCurrentUser } from '../auth/context.ts';
import { useT } from '../i18n/context.ts';
import { AreaTreeSelect } from './AreaTreeSelect.tsx';

/** Header picker of the working area, limited to the user's own area and what lies under it. */
export function AreaPicker() {
  const user = useCurrentUser();
  const { area, setArea } = useSelectedArea();
  const t = useT();
  return (
    <AreaTreeSelect
      testId="area-picker"
      root={{ code: user.areaCode, name: user.areaName, level: user.areaLevel }}
      value={area.code}
      valueLabel={area.name}
      placeholder={t('header.area')}
      style={{ minWidth: 200 }}
      onChange={(code, picked) => setArea(picked ?? { ...area, code })}
    />
  );
}
