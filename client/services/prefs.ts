import Taro from '@tarojs/taro';

/**
 * The reader's preferences: 大字模式, kept in storage and shared by every open page:
 * pages of a mini-program stay mounted in the page stack, so a change must reach them all.
 */

const LARGE_TEXT_KEY = 'jgfzt.largeText';
const listeners = new Set<() => void>();

function readLargeText(): boolean {
  try {
    return Taro.getStorageSync(LARGE_TEXT_KEY) === true;
  } catch {
    return false;
  }
}

let largeText = readLargeText();

/** Whether large text is on. */
export function getLargeText(): boolean {
  return largeText;
}

/** Turns large text on or off, remembers it, and tells every subscribed page. */
export function setLargeText(on: boolean): void {
  largeText = on;
  try {
    Taro.setStorageSync(LARGE_TEXT_KEY, on);
  } catch {
    // storage full or unavailable: the setting still applies until the app closes
  }
  listeners.forEach((listener) => listener());
}

/** Subscribes to changes; returns the unsubscribe function. */
export function subscribeLargeText(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

const CHECK_EACH_KEY = 'jgfzt.checkEach';

/** Whether practice shows right or wrong after each question (her choice, remembered). */
export function getCheckEach(): boolean {
  try {
    return Taro.getStorageSync(CHECK_EACH_KEY) === true;
  } catch {
    return false;
  }
}

/** Remembers whether practice shows right or wrong after each question. */
export function setCheckEach(on: boolean): void {
  try {
    Taro.setStorageSync(CHECK_EACH_KEY, on);
  } catch {
    // storage unavailable: the choice holds for this quiz only
  }
}
