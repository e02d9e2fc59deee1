import { Button, Space } from 'antd';
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/context.ts';

const HEIGHT = 180;

/**
 * A hand-written signature on a canvas (finger, pen or mouse). After each stroke `onChange` gets the
 * drawing as a PNG data URL; after clearing, undefined.
 */
export function SignaturePad({ onChange, id }: { value?: string; onChange?: (png: string | undefined) => void; id?: string }) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    // Sharp lines on high-density screens: the bitmap at device pixels, drawn in CSS pixels.
    const ratio = window.devicePixelRatio || 1;
    c.width = c.clientWidth * ratio;
    c.height = HEIGHT * ratio;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.scale(ratio, ratio);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#000';
  }, []);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const down = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    const p = point(e);
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
    ctx.lineTo(p.x + 0.1, p.y + 0.1);
    ctx.stroke();
  };
  const move = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    const p = point(e);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
  };
  const up = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    drawing.current = false;
    onChange?.(e.currentTarget.toDataURL('image/png'));
  };
  const clear = () => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.restore();
    onChange?.(undefined);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} id={id}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={t('apply.signature.label')}
        data-testid="signature-pad"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        style={{ width: '100%', height: HEIGHT, border: '1px dashed #8c8c8c', borderRadius: 6, touchAction: 'none', background: '#fff', display: 'block' }}
      />
      <Button onClick={clear} data-testid="signature-clear">{t('apply.signature.clear')}</Button>
    </Space>
  );
}
