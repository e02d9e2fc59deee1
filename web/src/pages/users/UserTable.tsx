import { Table, Tag } from 'antd';
import { DEPARTMENTS, type Department, type User } from '../../api/types.ts';
import { useT } from '../../i18n/context.ts';

function isDepartment(value: string): value is Department {
  return (DEPARTMENTS as readonly string[]).includes(value);
}

export function UserTable({ users, loading }: { users: User[]; loading: boolean }) {
  const t = useT();
  return (
    <Table<User>
      data-testid="user-table"
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={users}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('common.noData') }}
      columns={[
        // The name staff read first; the login name is a code (what the user types to sign in).
        { title: t('users.col.displayName'), dataIndex: 'displayName' },
        { title: t('users.col.username'), dataIndex: 'username', render: (n: string) => <span data-code>{n}</span> },
        {
          title: t('users.col.role'),
          dataIndex: 'role',
          render: (_: unknown, u: User) => <Tag color="blue">{t(`role.${u.role}`)}</Tag>,
        },
        {
          title: t('users.col.area'),
          dataIndex: 'areaName',
          render: (_: unknown, u: User) => u.areaName,
        },
        {
          title: t('users.col.department'),
          dataIndex: 'department',
          render: (d: string | null) => (d === null ? '—' : isDepartment(d) ? t(`dept.${d}`) : d),
        },
      ]}
    />
  );
}
