import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './antdReact19.ts';
import { App } from './App.tsx';
import { registerServiceWorker } from './serviceWorker.ts';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

if (import.meta.env.PROD) registerServiceWorker();
