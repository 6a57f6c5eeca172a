/** Platform props for a drawn value (a bar): read out as an image with its exact figure on both platforms. */
export function drawn(label: string): Record<string, string> {
  return process.env.TARO_ENV === 'h5' ? { role: 'img', 'aria-label': label } : { 'aria-role': 'img', 'aria-label': label };
}

/** Table roles for the browser; WeChat's reader reads the cells in order. */
export function tableRole(role: 'table' | 'row' | 'columnheader' | 'cell' | 'rowheader'): Record<string, string> {
  return process.env.TARO_ENV === 'h5' ? { role } : {};
}
