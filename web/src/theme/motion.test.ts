import { describe, expect, it } from 'vitest';
import { ACCESSIBLE_THEME } from './accessible.ts';
import { withMotion } from './motion.ts';

describe('reduced motion', () => {
  it('turns antd motion off and keeps the contrast tokens when the system asks for less motion', () => {
    const reduced = withMotion(ACCESSIBLE_THEME, true);
    expect(reduced.token?.motion).toBe(false);
    expect(reduced.token?.colorPrimary).toBe(ACCESSIBLE_THEME.token?.colorPrimary);
    expect(reduced.components).toBe(ACCESSIBLE_THEME.components);
    expect(withMotion(ACCESSIBLE_THEME, false)).toBe(ACCESSIBLE_THEME);
  });
});
