import type { ThemeConfig } from 'antd';

/**
 * antd's default colours below WCAG 2.1 AA contrast (4.5:1 for text), darkened: the primary blue under white
 * button text and as the selected menu item's text (#1677ff: 4.1:1 → #0958d9: 6.0:1), and secondary and
 * placeholder text (45 % black: 3.9:1 on white → 65 %: 6.6:1; 25 % placeholders → 55 %: 4.9:1). Hovered buttons and
 * links turn darker, not lighter (antd's derived #2e7ae6 is 4.2:1 under a pointer that rests on a just-clicked
 * button → blue-8 #003eb3, 9.4:1). The citizen portal
 * uses the same tokens (web/portal/src/i18n/I18nProvider.tsx).
 */
export const ACCESSIBLE_THEME: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorPrimaryHover: '#003eb3',
    colorLinkHover: '#003eb3',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // Danger, warning and success text (<Typography.Text type="danger">, 已超期): antd draws it in the light status
    // colours (#ff4d4f 3.3:1, #faad14 1.9:1, #52c41a 2.3:1); the palettes' darker shades, 4.5:1 or more.
    // Danger buttons (移除, 作废) draw their text in colorError: red-7 (5.6:1), darker under a pointer.
    colorError: '#cf1322', colorErrorHover: '#a8071a', colorErrorActive: '#820014',
    colorErrorText: '#cf1322', colorErrorTextHover: '#a8071a', colorErrorTextActive: '#820014',
    colorWarningText: '#ad4e00', colorWarningTextHover: '#873800', colorWarningTextActive: '#612500',
    colorSuccessText: '#237804', colorSuccessTextHover: '#135200', colorSuccessTextActive: '#092b00',
    // Preset tag colours (<Tag color="green">) draw their text in the palette's 7th shade on its 1st, 3.4:1 for
    // green: one shade darker (the 8th) for each, 4.5:1 or more.
    green7: '#237804', orange7: '#ad4e00', red7: '#a8071a', blue7: '#003eb3', gold7: '#ad6800', cyan7: '#006d75',
    purple7: '#391085', volcano7: '#ad2102', magenta7: '#9e1068', lime7: '#3f6600', geekblue7: '#10239e', yellow7: '#876800',
  },
  // A table's or list's "暂无数据" is drawn in the disabled colour (25 % black); it is text to read, not a disabled control.
  components: { Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.55)' }, Empty: { colorTextDisabled: 'rgba(0, 0, 0, 0.55)' }, List: { colorTextDisabled: 'rgba(0, 0, 0, 0.55)' } },
};
