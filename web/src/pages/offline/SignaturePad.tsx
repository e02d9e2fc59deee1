import { Button, Space, Typography } from 'antd';
import { useRef, type PointerEvent } from 'react';
import { useT } from '../../i18n/context.ts';

/** A small canvas to sign on with a finger or a mouse; reports the signature as a PNG data URL (null: cleared). */
export function SignaturePad({ value, onChange }: { value: string | null; onChange: (png: string | null) => void }) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const c = e.currentTarget;
    const r = c.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * c.width) / r.width, y: ((e.clientY - r.top) * c.height) / r.height };
  };
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    drawing.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = point(e);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = e.currentTarget.getContext('2d');
    const p = point(e);
    ctx?.lineTo(p.x, p.y);
    ctx?.stroke();
  };
  const up = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    drawing.current = false;
    onChange(e.currentTarget.toDataURL('image/png'));
  };
  const clear = () => {
    const c = canvas.current;
    c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
    onChange(null);
  };

  return (
    <Space direction="vertical">
      <Typography.Text type="secondary">{t('offline.signatureHint')}</Typography.Text>
      <canvas
        ref={canvas}
        width={480}
        height={160}
        aria-label={t('offline.signature')}
        data-testid="signature-pad"
        style={{ border: '1px solid #d9d9d9', borderRadius: 6, width: '100%', maxWidth: 480, touchAction: 'none', background: '#fff' }}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
      />
      <Space>
        <Button size="small" onClick={clear}>{t('offline.signatureClear')}</Button>
        {value && <Typography.Text type="success">{t('offline.signatureDone')}</Typography.Text>}
      </Space>
    </Space>
  );
}
