/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

/** The CloudBase environment id baked in at build time (config `defineConstants`); '' means the current one. */
declare const CLOUD_ENV: string;

declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform of the current Taro build, replaced at compile time. */
    TARO_ENV?: 'weapp' | 'h5';
    /** CloudBase environment id for the weapp build; unset means DYNAMIC_CURRENT_ENV. */
    CLOUD_ENV?: string;
  }
}

/** Native mini-program components used from React pages (weapp builds only). */
declare namespace JSX {
  interface IntrinsicElements {
    /** The certificate poster (client/native/certificate); attributes as WXML spells them. */
    'certificate-card': {
      id?: string;
      title: string;
      name?: string;
      score: number;
      'pass-mark': number;
      date: string;
      issuer?: string;
      onSaved?: (event: { detail: { tempFilePath: string } }) => void;
      onFailed?: (event: { detail: { errMsg: string; denied: boolean } }) => void;
    };
  }
}
