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
