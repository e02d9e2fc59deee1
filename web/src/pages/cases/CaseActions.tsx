import { Alert, Button, Empty, Space, Tooltip } from 'antd';
import { useT } from '../../i18n/context.ts';
import type { NextAction } from './api.ts';

/** 下一步: the steps the signed-in user may take now; a blocked one says why (the API's reason). */
export function CaseActions({ actions, onOpen }: { actions: NextAction[]; onOpen: (a: NextAction) => void }) {
  const t = useT();
  if (actions.length === 0) return <Empty description={t('cases.next.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const blocked = actions.filter((a) => !a.allowed && a.blockedReason);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="case-actions">
      <Space wrap>
        {actions.map((a) => {
          const label = a.label;
          const button = (
            <Button key={a.action} type={a.allowed ? 'primary' : 'default'} data-testid={`action-${a.action}`} data-allowed={a.allowed ? 'true' : 'false'} onClick={() => onOpen(a)}>
              {label}
            </Button>
          );
          return a.allowed ? button : <Tooltip key={a.action} title={a.blockedReason}>{button}</Tooltip>;
        })}
      </Space>
      {blocked.map((a) => (
        <Alert
          key={a.action}
          type="warning"
          showIcon
          data-testid={`blocked-${a.action}`}
          message={t('cases.labelled', { label: a.label, value: t('cases.next.blocked', { reason: a.blockedReason ?? '' }) })}
        />
      ))}
    </Space>
  );
}
