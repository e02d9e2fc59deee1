// The part of Vite's import.meta.env the app reads (the tsconfig loads no ambient types).
interface ImportMetaEnv {
  readonly PROD: boolean;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

// Style sheets imported for their effect (web/src/theme/responsive.css); Vite bundles them.
declare module '*.css';
