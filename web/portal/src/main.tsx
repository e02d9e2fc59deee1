import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../src/antdReact19.ts';
import { PortalApp } from './App.tsx';
import { watchAriaRequired } from '../../src/theme/ariaRequired.ts';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

watchAriaRequired();
createRoot(container).render(
  <StrictMode>
    <PortalApp />
  </StrictMode>,
);
