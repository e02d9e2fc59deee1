import type { ThemeConfig } from 'antd';

/**
 * antd's default colours below WCAG 2.1 AA contrast (4.5:1 for text), darkened: the primary blue under white
 * button text and as the selected menu item's text (#1677ff: 4.1:1 → #0958d9: 6.0:1), and secondary and
 * placeholder text (45 % black: 3.9:1 on white → 65 %: 6.6:1; 25 % placeholders → 55 %: 4.9:1). The citizen portal
 * uses the same tokens (web/portal/src/i18n/I18nProvider.tsx).
 */
export const ACCESSIBLE_THEME: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  },
  // A table's "暂无数据" is drawn in the disabled colour (25 % black); it is text to read, not a disabled control.
  components: { Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.55)' }, Empty: { colorTextDisabled: 'rgba(0, 0, 0, 0.55)' } },
};
