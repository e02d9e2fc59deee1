import { Alert, Button, Card } from 'antd';
import { useT } from '../../i18n/context.ts';
import { PhotoInput } from './PhotoInput.tsx';
import { SignaturePad } from './SignaturePad.tsx';

interface Props {
  photos: string[];
  onPhotos: (photos: string[]) => void;
  signature: string | null;
  onSignature: (png: string | null) => void;
  /** Changed to clear the pad after a save. */
  padKey: number;
  errors: string[];
  /** `offline-household` or `offline-visit`: the test ids of the errors and the save button. */
  testId: string;
}

/** The end of an offline entry form: document photos, the signature, the form's errors and 保存到本机. */
export function EvidenceAndSave({ photos, onPhotos, signature, onSignature, padKey, errors, testId }: Props) {
  const t = useT();
  return (
    <>
      <Card size="small" title={t('offline.photos')}>
        <PhotoInput value={photos} onChange={onPhotos} />
      </Card>
      <Card size="small" title={t('offline.signature')}>
        <SignaturePad key={padKey} value={signature} onChange={onSignature} />
      </Card>
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} data-testid={`${testId}-errors`} />}
      <Button type="primary" htmlType="submit" data-testid={`${testId}-save`}>{t('offline.saveLocal')}</Button>
    </>
  );
}
