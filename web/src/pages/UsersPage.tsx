import { Alert, Card, Col, Row } from 'antd';
import { fetchUsers } from '../api/users.ts';
import { useApiData } from '../api/useApiData.ts';
import { useCurrentUser } from '../auth/context.ts';
import { can } from '../auth/permissions.ts';
import { useT } from '../i18n/context.ts';
import { UserCreateForm } from './users/UserCreateForm.tsx';
import { UserTable } from './users/UserTable.tsx';

export default function UsersPage() {
  const me = useCurrentUser();
  const t = useT();
  const users = useApiData(fetchUsers, [me.id]);
  const canCreate = can(me, 'users.manage');

  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={canCreate ? 16 : 24}>
        <Card title={t('users.title')}>
          {users.error && <Alert type="error" message={t('common.loadFailed', { message: users.error.message })} />}
          <UserTable users={users.data ?? []} loading={users.loading} />
        </Card>
      </Col>
      {canCreate && (
        <Col xs={24} xl={8}>
          <UserCreateForm creator={me} onCreated={users.reload} />
        </Col>
      )}
    </Row>
  );
}
