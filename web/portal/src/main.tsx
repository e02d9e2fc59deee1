import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../src/antdReact19.ts';
import { PortalApp } from './App.tsx';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <PortalApp />
  </StrictMode>,
);
