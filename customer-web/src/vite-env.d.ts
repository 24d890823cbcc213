/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Where the API lives, e.g. "https://usage.example.com"; empty or unset means this page's origin. */
  readonly VITE_API_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
