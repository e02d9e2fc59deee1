// The part of Vite's import.meta.env the app reads (the tsconfig loads no ambient types).
interface ImportMetaEnv {
  readonly PROD: boolean;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
