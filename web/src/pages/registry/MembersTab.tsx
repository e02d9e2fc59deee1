import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag } from 'antd';
import { useT } from '../../i18n/context.ts';
import type { MemberView } from './api.ts';
import { ageOn, categoryLabel, codeLabel, disabilityLabel, yesNo } from './format.ts';
import type { HouseholdTabContext } from './tabs.tsx';

/** 成员: who lives in the household, with what the assessment needs to know about each. */
export function MembersTab({ ctx }: { ctx: HouseholdTabContext }) {
  const t = useT();
  const { detail, requestEdit } = ctx;
  const rows = detail.members.map((m, index) => ({ ...m, index }));
  type Row = MemberView & { index: number };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {requestEdit && (
        <Button icon={<PlusOutlined />} data-testid="member-add" onClick={() => requestEdit({ kind: 'member' })}>
          {t('registry.member.add')}
        </Button>
      )}
      <Table<Row>
        data-testid="member-table"
        rowKey="index"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('common.noData') }}
        columns={[
          { title: t('registry.field.name'), dataIndex: 'name' },
          { title: t('registry.field.idNumber'), dataIndex: 'idNumber' },
          { title: t('registry.field.relation'), dataIndex: 'relation', render: (v: string) => codeLabel(t, 'relation', v) },
          { title: t('registry.field.sex'), dataIndex: 'sex', render: (v: string) => codeLabel(t, 'sex', v) },
          {
            title: t('registry.field.birthDate'),
            dataIndex: 'birthDate',
            render: (d: string) => t('registry.fmt.paren', { text: d, note: t('registry.member.age', { age: ageOn(d) }) }),
          },
          { title: t('registry.field.workCapacity'), dataIndex: 'workCapacity', render: (v: string) => codeLabel(t, 'workCapacity', v) },
          { title: t('registry.field.disability'), key: 'disability', render: (_: unknown, m: Row) => disabilityLabel(t, m.disabilityKind, m.disabilityGrade) },
          { title: t('registry.field.seriousIllness'), dataIndex: 'seriousIllness', render: (v: boolean) => yesNo(t, v) },
          { title: t('registry.field.student'), dataIndex: 'student', render: (v: boolean) => yesNo(t, v) },
          {
            title: t('registry.field.personCategories'),
            dataIndex: 'categories',
            render: (cs: string[]) => cs.map((c) => <Tag key={c}>{categoryLabel(t, c)}</Tag>),
          },
          { title: t('registry.field.leftBehind'), dataIndex: 'leftBehind', render: (v: string | null) => codeLabel(t, 'leftBehind', v) ?? '—' },
          { title: t('registry.field.phone'), dataIndex: 'phone', render: (v: string) => v || '—' },
          ...(requestEdit
            ? [
                {
                  title: '',
                  key: 'actions',
                  render: (_: unknown, m: Row) => (
                    <Space size="small">
                      <Button size="small" data-testid={`member-edit-${m.index}`} onClick={() => requestEdit({ kind: 'member', index: m.index })}>
                        {t('registry.action.edit')}
                      </Button>
                      <Button size="small" danger data-testid={`member-remove-${m.index}`} onClick={() => requestEdit({ kind: 'removeMember', index: m.index })}>
                        {t('registry.action.remove')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
