import { Alert, Button, Card, Image, Space, Table, Typography, message } from 'antd';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import { addRequestDocuments, fetchRequestDocument, fetchRequestDocuments, type RequestDocument } from './api.ts';
import { readDataUrl } from '../../components/files.ts';

const MAX_BYTES = 5 * 1024 * 1024;
const MAX_FILES = 10;
const TYPES = ['image/png', 'image/jpeg', 'application/pdf'];
const isImage = (d: RequestDocument) => d.mediaType !== 'application/pdf';


/** Object URLs of the request's images, fetched with the session, revoked when the card goes. */
function useThumbnails(requestNo: string, items: readonly RequestDocument[] | undefined): Map<number, string> {
  const [urls, setUrls] = useState(new Map<number, string>());
  const key = (items ?? []).filter(isImage).map((d) => d.seq).join(',');
  useEffect(() => {
    let live = true;
    const made: string[] = [];
    const seqs = key === '' ? [] : key.split(',').map(Number);
    void Promise.all(seqs.map(async (seq) => {
      const blob = await fetchRequestDocument(requestNo, seq).catch(() => null);
      if (!blob) return null;
      const url = URL.createObjectURL(blob);
      made.push(url);
      return [seq, url] as const;
    })).then((pairs) => {
      if (live) setUrls(new Map(pairs.filter((p): p is readonly [number, string] => p !== null)));
    });
    return () => {
      live = false;
      made.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [requestNo, key]);
  return urls;
}

/** 申请材料: the request's documents and the signed 核对 authorisation, each opened in a new tab; the window adds scans. */
export function DocumentsCard({ requestNo }: { requestNo: string }) {
  const t = useT();
  const me = useCurrentUser();
  const [toast, toastHolder] = message.useMessage();
  const data = useApiData(() => fetchRequestDocuments(requestNo), [requestNo]);
  const thumbs = useThumbnails(requestNo, data.data?.items);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const size = (bytes: number) => (bytes < 1024 * 1024 ? t('intake.documents.kb', { n: Math.max(1, Math.round(bytes / 1024)) }) : t('intake.documents.mb', { n: (bytes / 1024 / 1024).toFixed(1) }));

  async function open(d: RequestDocument) {
    // Opened before the fetch, inside the click, so that the browser does not block the new tab.
    const tab = window.open('', '_blank');
    try {
      const url = URL.createObjectURL(await fetchRequestDocument(requestNo, d.seq));
      if (tab) tab.location.href = url;
      else window.location.assign(url);
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (err) {
      tab?.close();
      void toast.error(t('intake.documents.openFailed', { message: err instanceof Error ? err.message : String(err) }));
    }
  }

  async function choose(e: ChangeEvent<HTMLInputElement>) {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    if (files.length === 0) return;
    const refused = [
      ...(files.length > MAX_FILES ? [t('intake.documents.tooMany', { n: MAX_FILES })] : []),
      ...files.flatMap((f) => (!TYPES.includes(f.type) ? [t('intake.documents.wrongType', { name: f.name })] : f.size > MAX_BYTES ? [t('intake.documents.tooLarge', { name: f.name })] : [])),
    ];
    setProblems(refused);
    if (refused.length > 0) return;
    setBusy(true);
    try {
      const documents = await Promise.all(files.map(async (f) => ({ name: f.name, content: await readDataUrl(f) })));
      const added = await addRequestDocuments(requestNo, documents);
      void toast.success(t('intake.documents.added', { n: added.documents.length }));
      data.reload();
    } catch (err) {
      setProblems(err instanceof ApiError && err.fields.length > 0 ? err.fields.map((f) => f.message) : [err instanceof Error ? err.message : String(err)]);
    } finally {
      setBusy(false);
    }
  }

  const upload = can(me, 'intake.write') && (
    <>
      <input ref={input} type="file" multiple hidden accept={TYPES.join(',')} onChange={(e) => void choose(e)} aria-label={t('intake.documents.choose')} data-testid="request-documents-input" />
      <Button size="small" loading={busy} onClick={() => input.current?.click()} data-testid="request-documents-choose">{t('intake.documents.choose')}</Button>
    </>
  );

  return (
    <Card title={t('intake.documents.title')} extra={upload} loading={data.loading && !data.data} data-testid="request-documents">
      {toastHolder}
      {problems.map((p) => <Alert key={p} type="error" showIcon message={p} style={{ marginBottom: 8 }} />)}
      {data.error ? (
        <Alert type="error" showIcon message={t('common.loadFailed', { message: data.error.message })} />
      ) : (
        <Table<RequestDocument>
          rowKey="seq"
          size="small"
          pagination={false}
          dataSource={data.data?.items ?? []}
          locale={{ emptyText: t('intake.documents.empty') }}
          columns={[
            {
              key: 'thumb',
              width: 96,
              render: (_, d) => {
                const url = thumbs.get(d.seq);
                return url ? <Image src={url} width={80} height={60} style={{ objectFit: 'contain' }} alt={d.fileName} /> : null;
              },
            },
            {
              key: 'name',
              title: t('intake.documents.col.name'),
              render: (_, d) =>
                d.kind === 'signature' ? (
                  <Space direction="vertical" size={0}>
                    <span data-testid="request-documents-signature">{t('intake.documents.signature')}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>{t('intake.documents.sha256', { hash: d.sha256 })}</Typography.Text>
                  </Space>
                ) : (
                  d.fileName
                ),
            },
            { key: 'type', title: t('intake.documents.col.type'), render: (_, d) => t(isImage(d) ? 'intake.documents.type.image' : 'intake.documents.type.pdf') },
            { key: 'size', title: t('intake.documents.col.size'), render: (_, d) => size(d.sizeBytes) },
            { key: 'addedOn', title: t('intake.documents.col.addedOn'), dataIndex: 'addedOn' },
            {
              key: 'open',
              render: (_, d) => (
                <Button type="link" size="small" onClick={() => void open(d)} data-testid={`request-document-open-${d.seq}`}>{t('intake.documents.view')}</Button>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
