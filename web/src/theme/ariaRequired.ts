/**
 * antd's Form.Item marks a required field by putting `aria-required` on its control's root element. For a
 * Select or TreeSelect that is a plain <div> (no role, where ARIA does not allow the attribute; the combobox
 * input inside carries it too), and for a Radio.Group a <div> that should be a radio group. Screen readers
 * are told nothing wrong, but the markup is invalid (axe: aria-allowed-attr, critical). This watcher fixes it
 * as the forms render: the Select's (and a checkbox group's) div loses the attribute, the radio group's div gets role="radiogroup".
 */
function fix(el: Element): void {
  if (el.getAttribute('role')) return;
  if (el.classList.contains('ant-radio-group')) el.setAttribute('role', 'radiogroup');
  else if (el.classList.contains('ant-select') || el.classList.contains('ant-checkbox-group')) el.removeAttribute('aria-required');
}

export function watchAriaRequired(root: Node = document.body): MutationObserver {
  if (root instanceof Element) root.querySelectorAll('[aria-required]').forEach(fix);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.target instanceof Element) fix(r.target);
      for (const n of r.addedNodes) if (n instanceof Element) {
        if (n.hasAttribute('aria-required')) fix(n);
        n.querySelectorAll('[aria-required]').forEach(fix);
      }
    }
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-required'] });
  return observer;
}
