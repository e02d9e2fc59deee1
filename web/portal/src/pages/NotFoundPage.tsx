import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/context.ts';

export default function NotFoundPage() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('common.notFound')}
      extra={<Link to="/"><Button type="primary">{t('common.backHome')}</Button></Link>}
    />
  );
}
