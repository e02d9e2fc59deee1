import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './antdReact19.ts';
import { App } from './App.tsx';
import { registerServiceWorker } from './serviceWorker.ts';
import { watchAriaRequired } from './theme/ariaRequired.ts';
import './theme/responsive.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

watchAriaRequired();
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

if (import.meta.env.PROD) registerServiceWorker();
