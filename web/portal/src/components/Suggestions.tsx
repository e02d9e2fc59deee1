import { Alert, Space } from 'antd';
import { Link } from 'react-router-dom';
import { useLoad } from '../api/useLoad.ts';
import type { Suggestion } from '../api/types.ts';
import { useT } from '../i18n/context.ts';

/** 政策找人: the help the civil-affairs office found the citizen's household may qualify for, with the way to apply. */
export function Suggestions() {
  const t = useT();
  const { data } = useLoad<{ items: Suggestion[] }>('/suggestions');
  if (!data || data.items.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }} data-testid="home-suggestions">
      {data.items.map((s) => (
        <Alert
          key={`${s.householdNo}-${s.title}`}
          type="info"
          showIcon
          message={s.title}
          description={
            <>
              <div>{s.message}</div>
              <Link to={s.programme ? `/apply?programme=${s.programme}` : '/policy-check'} style={{ display: 'inline-block', padding: '10px 0', minHeight: 44, boxSizing: 'border-box' }}>
                {s.programme ? t('home.suggestionApply') : t('home.suggestionCheck')}
              </Link>
            </>
          }
        />
      ))}
    </Space>
  );
}
