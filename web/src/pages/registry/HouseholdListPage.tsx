import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useApiData } from '../../api/useApiData.ts';
import { useSelectedArea } from '../../area/context.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { useT } from '../../i18n/context.ts';
import { can } from '../../auth/permissions.ts';
import { exportHouseholds, searchHouseholds, type HouseholdFilters } from './api.ts';
import { HouseholdSearchForm } from './HouseholdSearchForm.tsx';
import { HouseholdTable } from './HouseholdTable.tsx';

// The ID number is kept out of the address (it would land in history and logs): it lives in the page's state.
const FILTER_KEYS = ['name', 'area', 'category'] as const;

function positive(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** 家庭查询: the filters (but an ID number) live in the address, so the back button returns to the same page of results. */
export default function HouseholdListPage() {
  const t = useT();
  const me = useCurrentUser();
  const { area: picked } = useSelectedArea();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();

  const [idNumber, setIdNumber] = useState('');
  const [exportError, setExportError] = useState<string | null>(null);
  const filters: HouseholdFilters = { area: params.get('area') ?? picked.code };
  for (const key of ['name', 'category'] as const) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  if (idNumber) filters.idNumber = idNumber;
  const page = positive(params.get('page'), 1);
  const pageSize = positive(params.get('pageSize'), 20);
  const query = params.toString();

  // The header picker sets the area; a new choice there replaces the area filter.
  const lastPicked = useRef(picked.code);
  useEffect(() => {
    if (lastPicked.current === picked.code) return;
    lastPicked.current = picked.code;
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.delete('area');
      next.delete('page');
      return next;
    });
  }, [picked.code, setParams]);

  const result = useApiData(() => searchHouseholds(filters, page, pageSize), [query, picked.code, idNumber]);

  const apply = (f: HouseholdFilters, nextPage = 1, nextSize = pageSize) => {
    setIdNumber(f.idNumber?.trim() ?? '');
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = f[key]?.trim();
      if (value && !(key === 'area' && value === picked.code)) next.set(key, value);
    }
    if (nextPage > 1) next.set('page', String(nextPage));
    if (nextSize !== 20) next.set('pageSize', String(nextSize));
    setParams(next);
  };

  return (
    <Card
      title={t('registry.list.title')}
      extra={
        <Space>
          {can(me, 'registry.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/households/new')}>
              {t('registry.action.create')}
            </Button>
          )}
          {can(me, 'registry.import') && (
            <Button icon={<UploadOutlined />} onClick={() => navigate('/households/import')}>
              {t('registry.action.import')}
            </Button>
          )}
          {can(me, 'registry.export') && (
            <Button icon={<DownloadOutlined />} onClick={() => { setExportError(null); exportHouseholds(filters).catch((e: Error) => setExportError(e.message)); }} data-testid="household-export">
              {t('registry.action.export')}
            </Button>
          )}
        </Space>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <HouseholdSearchForm
          value={filters}
          {...(filters.area === picked.code ? { areaLabel: picked.name } : {})}
          onSearch={(f) => apply(f)}
          onReset={() => {
            setIdNumber('');
            setParams(new URLSearchParams());
          }}
        />
        {exportError && <Alert type="error" showIcon message={t('common.loadFailed', { message: exportError })} />}
        {result.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: result.error.message })} />}
        <HouseholdTable
          data={result.data}
          loading={result.loading}
          page={page}
          pageSize={pageSize}
          onPage={(p, size) => apply(filters, size === pageSize ? p : 1, size)}
        />
      </Space>
    </Card>
  );
}
