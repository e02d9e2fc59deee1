import { Image, Space, Typography } from 'antd';
import { readDataUrl } from '../../components/files.ts';
import { useT } from '../../i18n/context.ts';


/** Photos of documents from the camera (or the gallery), kept as data URLs with the entry. */
export function PhotoInput({ value, onChange }: { value: string[]; onChange: (photos: string[]) => void }) {
  const t = useT();
  return (
    <Space direction="vertical">
      <input
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        aria-label={t('offline.photos')}
        data-testid="photo-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          void Promise.all(files.map(readDataUrl)).then((urls) => onChange([...value, ...urls]));
        }}
      />
      <Typography.Text type="secondary">{t('offline.photosHint')}</Typography.Text>
      <Space wrap>
        {value.map((src, i) => (
          <Image key={i} src={src} width={72} height={72} style={{ objectFit: 'cover' }} alt={t('offline.photoAlt', { n: i + 1 })} />
        ))}
      </Space>
    </Space>
  );
}
