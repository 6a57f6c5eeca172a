/**
 * Which build this is. `process.env.TARO_ENV` is replaced at compile time, so the branch for the
 * other platform is dropped from each bundle.
 */
export const IS_H5 = process.env.TARO_ENV === 'h5';

/** The CloudBase environment to call; '' means the one the mini-program was opened in. */
export const CLOUD_ENV_ID: string = CLOUD_ENV;
