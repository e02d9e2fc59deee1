import { unstableSetRender } from 'antd';
import { createRoot, type Root } from 'react-dom/client';

// antd 5 renders its static pieces (message, notification, wave effect) with the React 18
// API unless told how to render under React 19.
const roots = new WeakMap<Element | DocumentFragment, Root>();

unstableSetRender((node, container) => {
  let root = roots.get(container);
  if (!root) {
    root = createRoot(container);
    roots.set(container, root);
  }
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    roots.delete(container);
  };
});
